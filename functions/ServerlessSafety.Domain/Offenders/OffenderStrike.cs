using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Domain.Offenders;

/// <summary>A decision against an account, and the consequence it brought.</summary>
/// <param name="CaseId">The case decided.</param>
/// <param name="Category">The policy category of the case.</param>
/// <param name="Step">The ladder step applied (0 for the first).</param>
/// <param name="Action">The consequence.</param>
/// <param name="Duration">How long, for a suspension.</param>
/// <param name="AppliedAt">When it was applied.</param>
/// <param name="Until">When a suspension ends; null for a warning or a ban.</param>
/// <param name="Overturned">Whether an appeal overturned it.</param>
public sealed record OffenderStrike(
    string CaseId,
    string Category,
    int Step,
    ConsequenceAction Action,
    TimeSpan? Duration,
    DateTimeOffset AppliedAt,
    DateTimeOffset? Until,
    bool Overturned = false);
