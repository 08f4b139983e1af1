namespace ServerlessSafety.Domain.Pipeline;

/// <summary>The queues of the pipeline, named as in <c>config/servicebus.json</c>.</summary>
public static class PipelineQueue
{
    /// <summary>New reports, after they are stored: hashing, acknowledgment, SLA clock, then triage.</summary>
    public const string ReportIntake = "report-intake";

    /// <summary>Cases to score and route.</summary>
    public const string Triage = "triage";

    /// <summary>Cases to report to NCMEC's CyberTipline.</summary>
    public const string NcmecEscalation = "ncmec-escalation";

    /// <summary>Enforcement events for the platform to consume.</summary>
    public const string EnforcementEvents = "enforcement-events";
}
