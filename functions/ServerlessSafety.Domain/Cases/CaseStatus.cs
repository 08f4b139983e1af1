namespace ServerlessSafety.Domain.Cases;

/// <summary>Where a case stands. The reporter sees these names on the status page.</summary>
public enum CaseStatus
{
    /// <summary>Received and waiting for triage.</summary>
    Received,

    /// <summary>Triaged and in the moderators' queue.</summary>
    InReview,

    /// <summary>Past its deadline, or flagged, and raised to the on-call lead.</summary>
    Escalated,

    /// <summary>Resolved; the final notice has been sent.</summary>
    Resolved,
}
