namespace ServerlessSafety.Domain.Reporting;

/// <summary>How an escalation or an operator's command ended.</summary>
public enum NcmecEscalationOutcome
{
    /// <summary>This run finished the report.</summary>
    Finished,

    /// <summary>The report was finished before; nothing was sent.</summary>
    AlreadyFinished,

    /// <summary>The unfinished report was withdrawn (now or before); nothing more is sent for the case.</summary>
    Retracted,

    /// <summary>A finished report cannot be withdrawn through the API; NCMEC must be contacted.</summary>
    CannotRetractFinished,

    /// <summary>An escalation run holds the report now; nothing was done. Try again once its lease lapses.</summary>
    InProgress,
}
