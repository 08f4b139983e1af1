namespace ServerlessSafety.Domain.Cases;

/// <summary>
/// How far the CyberTipline report of a case has got. Each step is recorded before the next starts,
/// so a crash or a redelivery resumes from the last completed step and never files a second report.
/// </summary>
public sealed record NcmecReportProgress
{
    /// <summary>The last step that completed.</summary>
    public NcmecStep Step { get; init; } = NcmecStep.NotStarted;

    /// <summary>The report id NCMEC assigned at submit.</summary>
    public string? ReportId { get; init; }

    /// <summary>NCMEC's file id for each case file uploaded, keyed by the file's SHA-256.</summary>
    public IReadOnlyDictionary<string, string> UploadedFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>SHA-256 of the files whose file details were sent.</summary>
    public IReadOnlyList<string> FileInfoSent { get; init; } = [];

    /// <summary>Attempts made so far (for the on-call flag).</summary>
    public int Attempts { get; init; }

    /// <summary>The last error, without content or personal data.</summary>
    public string? LastError { get; init; }

    /// <summary>
    /// The escalation run working the report now. Two messages for one case (triage and a moderator's decision) can
    /// arrive together; the lease keeps the second from submitting a second report while the first runs.
    /// </summary>
    public string? LeaseOwner { get; init; }

    /// <summary>When <see cref="LeaseOwner"/>'s lease lapses unless its run records another step (a run that died).</summary>
    public DateTimeOffset? LeaseUntil { get; init; }
}

/// <summary>The steps of the CyberTipline API flow.</summary>
public enum NcmecStep
{
    /// <summary>Nothing sent yet.</summary>
    NotStarted,

    /// <summary>Evidence copied to the evidence container.</summary>
    EvidencePreserved,

    /// <summary>The report was submitted and has an id.</summary>
    Submitted,

    /// <summary>Every file was uploaded and described.</summary>
    FilesSent,

    /// <summary>The report was finished; NCMEC has it.</summary>
    Finished,

    /// <summary>An operator retracted the unfinished report.</summary>
    Retracted,
}
