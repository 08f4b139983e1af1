using Microsoft.Extensions.Logging;

namespace ServerlessSafety.Domain.Screening;

/// <summary>Screening's log messages. Uploads are named by key, hashes by an 8-digit prefix; never content.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Upload {UploadKey} screened {Result} in {TotalMs:F1} ms")]
    public static partial void Screened(ILogger logger, string uploadKey, ScreeningResult result, double totalMs);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Upload {UploadKey} blocked: {SignalType} {HashPrefix} in bank {Bank} at distance {Distance}; case {CaseId}")]
    public static partial void Blocked(ILogger logger, string uploadKey, string signalType, string hashPrefix, string bank, int distance, string caseId);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Information, Message = "Upload {UploadKey} is gone and was never screened; nothing to do")]
    public static partial void UploadMissing(ILogger logger, string uploadKey);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Information, Message = "PDQ bank index loaded with {Count} hashes")]
    public static partial void Loaded(ILogger logger, int count);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Warning, Message = "PDQ bank index snapshot unreadable; rebuilding from the change feed")]
    public static partial void SnapshotUnreadable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Warning, Message = "PDQ bank index snapshot checkpoint rejected by the change feed; rebuilding from the beginning")]
    public static partial void SnapshotCheckpointRejected(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2207, Level = LogLevel.Information, Message = "PDQ bank index snapshot written with {Count} hashes")]
    public static partial void SnapshotWritten(ILogger logger, int count);

    [LoggerMessage(EventId = 2208, Level = LogLevel.Warning, Message = "PDQ bank index refresh failed; the next cycle retries")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);
}
