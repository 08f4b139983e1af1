using Microsoft.Extensions.Logging;

namespace ServerlessSafety.Domain.Reporting;

/// <summary>The CyberTipline reporting's log messages: case ids, report ids, steps and codes; never report content or personal data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2601, Level = LogLevel.Warning, Message = "CyberTipline call retried (try {Attempt}) after HTTP {Status} {Exception}; waiting {DelayMs:F0} ms")]
    public static partial void CallRetried(ILogger logger, int attempt, int status, string exception, double delayMs);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Information, Message = "Case {CaseId}: CyberTipline report step {Step} recorded (report {ReportId})")]
    public static partial void StepRecorded(ILogger logger, string caseId, string step, string? reportId);

    [LoggerMessage(EventId = 2603, Level = LogLevel.Information, Message = "Case {CaseId}: CyberTipline report already {Step}; nothing to do")]
    public static partial void NothingToDo(ILogger logger, string caseId, string step);

    [LoggerMessage(EventId = 2604, Level = LogLevel.Error, Message = "Case {CaseId}: CyberTipline escalation attempt {Attempt} failed at {Step} (transient {Transient}, on-call {Flagged})")]
    public static partial void EscalationFailed(ILogger logger, Exception exception, string caseId, int attempt, string step, bool transient, bool flagged);

    [LoggerMessage(EventId = 2605, Level = LogLevel.Warning, Message = "Case {CaseId}: CyberTipline report {ReportId} retracted by {Actor}")]
    public static partial void Retracted(ILogger logger, string caseId, string? reportId, string actor);

    [LoggerMessage(EventId = 2606, Level = LogLevel.Warning, Message = "CyberTipline status check: reachable {Reachable}")]
    public static partial void StatusChecked(ILogger logger, bool reachable);

    [LoggerMessage(EventId = 2607, Level = LogLevel.Information, Message = "Case {CaseId}: another run holds the CyberTipline report; waiting")]
    public static partial void WaitingForLease(ILogger logger, string caseId);
}
