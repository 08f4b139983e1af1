using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Moderation.Audit;
using ServerlessSafety.Domain.Moderation.Wellness;
using ServerlessSafety.Domain.Offenders;
using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Domain.Moderation;

/// <summary>What the case page shows a moderator.</summary>
/// <param name="Case">The case, without the reporter's contact and status token hash.</param>
/// <param name="Category">Its policy category.</param>
/// <param name="Offender">The reported account's record, if there is one.</param>
/// <param name="RevealedFile">SHA-256 of the one file shown unblurred, if the moderator asked.</param>
/// <param name="HashOnly">Show no media at all, only hashes.</param>
/// <param name="Now">When the page was made (time left).</param>
/// <param name="Audit">The case's audit entries, newest first.</param>
/// <param name="Today">The moderator's exposure today.</param>
public sealed record CaseView(
    SafetyCase Case,
    PolicyCategory Category,
    OffenderRecord? Offender,
    string? RevealedFile,
    bool HashOnly,
    DateTimeOffset Now,
    IReadOnlyList<AuditEntry> Audit,
    ExposureToday Today);
