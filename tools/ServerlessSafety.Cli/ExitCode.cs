namespace ServerlessSafety.Cli;

/// <summary>What the command's exit status means, so scripts can tell outcomes apart.</summary>
internal enum ExitCode
{
    /// <summary>Done.</summary>
    Ok = 0,

    /// <summary>The command ran but the result is not acceptable: an invalid report, evidence that no longer matches, a refused retraction.</summary>
    Rejected = 1,

    /// <summary>The command line is wrong.</summary>
    Usage = 2,

    /// <summary>The case, the case file or its evidence does not exist.</summary>
    NotFound = 3,

    /// <summary>A setting the command needs is missing or wrong.</summary>
    Configuration = 4,

    /// <summary>NCMEC or the storage failed; what happened is recorded on the case when it got that far.</summary>
    ServiceFailure = 5,

    /// <summary>An escalation run is working on the case now; try again later.</summary>
    Busy = 6,
}
