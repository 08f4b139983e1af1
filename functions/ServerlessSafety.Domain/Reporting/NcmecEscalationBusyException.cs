namespace ServerlessSafety.Domain.Reporting;

/// <summary>
/// Another escalation run holds the case's report (its lease did not lapse while this run waited), or took it over
/// from this run. Nothing was sent or recorded by this run; trying again later is right.
/// </summary>
public sealed class NcmecEscalationBusyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NcmecEscalationBusyException(string caseId, DateTimeOffset? leaseUntil)
        : base($"The CyberTipline report of case {caseId} is being worked by another run (lease until {leaseUntil:O}).")
    {
        CaseId = caseId;
        LeaseUntil = leaseUntil;
    }

    /// <summary>The case.</summary>
    public string CaseId { get; }

    /// <summary>When the other run's lease lapses.</summary>
    public DateTimeOffset? LeaseUntil { get; }
}
