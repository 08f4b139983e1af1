using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Reports;

/// <summary>A victim's report as the API and the report page receive it, before validation.</summary>
/// <remarks>Every field may be missing or wrong here; <see cref="ReportValidator"/> says what is.</remarks>
public sealed record ReportSubmission
{
    /// <summary>The policy category id.</summary>
    public string? Category { get; init; }

    /// <summary>A link to the content.</summary>
    public string? ContentUrl { get; init; }

    /// <summary>The platform's upload id.</summary>
    public string? UploadId { get; init; }

    /// <summary>The account reported.</summary>
    public string? Account { get; init; }

    /// <summary>A message id or text.</summary>
    public string? Message { get; init; }

    /// <summary>The reporter's own words.</summary>
    public string? Justification { get; init; }

    /// <summary>Whether the reporter is the person shown.</summary>
    public bool? ReporterIsDepicted { get; init; }

    /// <summary>Whether anyone shown is under 18.</summary>
    public bool? InvolvesMinor { get; init; }

    /// <summary>Where to send notices.</summary>
    public ReportContact? Contact { get; init; }

    /// <summary>Hashes computed on the reporter's device.</summary>
    public IReadOnlyList<ReportedHash>? Hashes { get; init; }
}

/// <summary>A notice channel as submitted: one of the two.</summary>
/// <param name="Email">An email address.</param>
/// <param name="Webhook">An HTTPS URL.</param>
public sealed record ReportContact(string? Email, string? Webhook);

/// <summary>A hash as submitted.</summary>
/// <param name="SignalType"><c>pdq</c>, <c>md5</c> or <c>sha256</c>.</param>
/// <param name="Value">Hex value.</param>
public sealed record ReportedHash(string? SignalType, string? Value);

/// <summary>A report that passed validation, normalized.</summary>
/// <param name="Category">A known policy category.</param>
/// <param name="Subject">What is reported (never empty).</param>
/// <param name="Justification">The reporter's words, trimmed.</param>
/// <param name="ReporterIsDepicted">Whether the reporter is shown.</param>
/// <param name="InvolvesMinor">Whether a minor is shown.</param>
/// <param name="Contact">The notice channel, if any.</param>
/// <param name="Hashes">Normalized hashes.</param>
/// <param name="Evidence">Evidence files the reporter attached, already in quarantine.</param>
public sealed record ValidReport(
    string Category,
    ReportedSubject Subject,
    string? Justification,
    bool ReporterIsDepicted,
    bool InvolvesMinor,
    ContactChannel? Contact,
    IReadOnlyList<ContentHash> Hashes,
    IReadOnlyList<CaseFile> Evidence);
