using Microsoft.Extensions.Logging;

namespace ServerlessSafety.LocalHost;

/// <summary>The local host's log messages, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Executing 'Functions.{FunctionName}' (Reason='{Reason}', Id={InvocationId})")]
    public static partial void Executing(ILogger logger, string functionName, string reason, string invocationId);

    [LoggerMessage(2, LogLevel.Information, "Executed 'Functions.{FunctionName}' ({Outcome}, Id={InvocationId}, Duration={DurationMs:F0}ms)")]
    public static partial void Executed(ILogger logger, string functionName, string outcome, string invocationId, double durationMs);

    [LoggerMessage(3, LogLevel.Error, "Executed 'Functions.{FunctionName}' (Failed, Id={InvocationId}, Duration={DurationMs:F0}ms)")]
    public static partial void Failed(ILogger logger, Exception exception, string functionName, string invocationId, double durationMs);

    [LoggerMessage(4, LogLevel.Information, "Functions:\n{FunctionList}")]
    public static partial void FunctionList(ILogger logger, string functionList);

    [LoggerMessage(5, LogLevel.Information, "Local host ready on {BaseAddress} with {Count} functions")]
    public static partial void Ready(ILogger logger, string baseAddress, int count);

    [LoggerMessage(6, LogLevel.Warning, "Blob '{Container}/{BlobName}' failed {Attempts} times in '{FunctionName}'; written to the poison queue '{Queue}' and not retried")]
    public static partial void BlobPoisoned(ILogger logger, string container, string blobName, int attempts, string functionName, string queue);

    [LoggerMessage(7, LogLevel.Warning, "Listing container '{Container}' for '{FunctionName}' failed; trying again at the next poll")]
    public static partial void BlobPollFailed(ILogger logger, Exception exception, string container, string functionName);

    [LoggerMessage(8, LogLevel.Warning, "Service Bus processor of '{FunctionName}' reported an error ({Source})")]
    public static partial void ServiceBusError(ILogger logger, Exception exception, string functionName, string source);

    [LoggerMessage(9, LogLevel.Warning, "{Level} keys are not configured: set {Setting}, or every '{Level}' endpoint answers 401")]
    public static partial void KeyMissing(ILogger logger, string level, string setting);

    [LoggerMessage(11, LogLevel.Information, "Local host stopping: HTTP first, then the triggers, waiting for running invocations")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(12, LogLevel.Information, "Local host stopped")]
    public static partial void Stopped(ILogger logger);
}
