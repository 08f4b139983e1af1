using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Reporting;

/// <summary>
/// An escalation attempt failed and was recorded on the case. The queue function lets it propagate, so the message is
/// tried again and, after the queue's delivery count, dead-lettered.
/// </summary>
public sealed class NcmecEscalationFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NcmecEscalationFailedException(string caseId, NcmecStep lastStep, bool isTransient, bool flaggedForOnCall, Exception innerException)
        : base($"CyberTipline escalation of case {caseId} failed after step {lastStep}: {innerException?.Message}", innerException)
    {
        CaseId = caseId;
        LastStep = lastStep;
        IsTransient = isTransient;
        FlaggedForOnCall = flaggedForOnCall;
    }

    /// <summary>The case.</summary>
    public string CaseId { get; }

    /// <summary>The last step that completed and is recorded.</summary>
    public NcmecStep LastStep { get; }

    /// <summary>Whether another attempt may succeed.</summary>
    public bool IsTransient { get; }

    /// <summary>Whether the case is now flagged for on-call.</summary>
    public bool FlaggedForOnCall { get; }
}
