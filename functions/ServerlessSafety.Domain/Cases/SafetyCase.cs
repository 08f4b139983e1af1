namespace ServerlessSafety.Domain.Cases;

/// <summary>
/// One case: a victim's report or an upload that matched the hash bank, followed to a final resolution.
/// </summary>
/// <remarks>
/// Cases are immutable values; <see cref="ICaseStore.UpdateAsync"/> applies a change under an optimistic
/// concurrency check, so two functions working the same case never lose each other's writes.
/// Personal data is kept to what the case needs: the reporter's contact is optional and nothing here is logged.
/// </remarks>
public sealed record SafetyCase
{
    /// <summary>The case reference, shown to the reporter.</summary>
    public required string Id { get; init; }

    /// <summary>The policy category id (for example <c>sextortion</c>).</summary>
    public required string Category { get; init; }

    /// <summary>How the case began.</summary>
    public required CaseOrigin Origin { get; init; }

    /// <summary>Where the case stands.</summary>
    public CaseStatus Status { get; init; } = CaseStatus.Received;

    /// <summary>When the case was opened.</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>When the policy says the case must be resolved.</summary>
    public required DateTimeOffset DueBy { get; init; }

    /// <summary>What is reported.</summary>
    public required ReportedSubject Subject { get; init; }

    /// <summary>The reporter's own words, if any.</summary>
    public string? Justification { get; init; }

    /// <summary>Whether the reporter says they are the person shown.</summary>
    public bool ReporterIsDepicted { get; init; }

    /// <summary>Whether anyone shown is, or may be, under 18.</summary>
    public bool InvolvesMinor { get; init; }

    /// <summary>Where to send notices, if the reporter asked for them.</summary>
    public ContactChannel? Contact { get; init; }

    /// <summary>SHA-256 of the status token, hex; the token itself is shown once and never stored.</summary>
    public string? StatusTokenHash { get; init; }

    /// <summary>Hashes of the reported content (computed here or on the reporter's device).</summary>
    public IReadOnlyList<ContentHash> Hashes { get; init; } = [];

    /// <summary>Files held for the case (evidence uploads, quarantined uploads).</summary>
    public IReadOnlyList<CaseFile> Files { get; init; } = [];

    /// <summary>Hash-bank matches that opened or joined the case.</summary>
    public IReadOnlyList<BankMatchRecord> Matches { get; init; } = [];

    /// <summary>The triage score and why, once triaged.</summary>
    public TriageAssessment? Triage { get; init; }

    /// <summary>Everything that happened, oldest first; entries marked visible are shown to the reporter.</summary>
    public IReadOnlyList<CaseEvent> Timeline { get; init; } = [];

    /// <summary>The final resolution, once there is one.</summary>
    public CaseResolution? Resolution { get; init; }

    /// <summary>Progress of the NCMEC CyberTipline report, when one is required.</summary>
    public NcmecReportProgress? Ncmec { get; init; }

    /// <summary>What the CyberTipline report may say of the reported account and the victim, when the platform knows more.</summary>
    public Reporting.NcmecCaseDetails? NcmecDetails { get; init; }

    /// <summary>Whether the case needs someone on call (for example an escalation that kept failing).</summary>
    public bool NeedsOnCall { get; init; }

    /// <summary>The moderator working the case now, while the lease lasts.</summary>
    public Moderation.CaseClaim? Claim { get; init; }

    /// <summary>How many times the stored case was changed; the store raises it on every saved change, so views built
    /// from the change feed can tell a newer version from an older one arriving late.</summary>
    public long Revision { get; init; }

    /// <summary>Appends an event to the timeline.</summary>
    public SafetyCase With(CaseEvent entry) => this with { Timeline = [.. Timeline, entry] };

    /// <summary>Whether the case has reached a final resolution.</summary>
    public bool IsResolved => Resolution is not null;
}
