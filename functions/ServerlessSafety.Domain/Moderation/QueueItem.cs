using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Domain.Moderation;

/// <summary>A case as the queue lists it: what decides the order and nothing of the content.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Category">Its category id.</param>
/// <param name="CategoryName">The category's name.</param>
/// <param name="Priority">The triage priority (null before triage).</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Route">Where triage sent it.</param>
/// <param name="Origin">How it began.</param>
/// <param name="DueBy">Its deadline.</param>
/// <param name="TimeLeft">Time left before the deadline (negative when overdue).</param>
/// <param name="MatchCount">How many hash-bank matches it has.</param>
/// <param name="InvolvesMinor">Whether a minor is or may be involved.</param>
/// <param name="ClaimedBy">The moderator working it now, while their claim lasts.</param>
public sealed record QueueItem(
    string CaseId,
    string Category,
    string CategoryName,
    int? Priority,
    CaseStatus Status,
    TriageRoute? Route,
    CaseOrigin Origin,
    DateTimeOffset DueBy,
    TimeSpan TimeLeft,
    int MatchCount,
    bool InvolvesMinor,
    string? ClaimedBy)
{
    /// <summary>The queue entry of a case.</summary>
    public static QueueItem From(SafetyCase safetyCase, SafetyPolicy policy, DateTimeOffset now)
        => new(
            safetyCase.Id,
            safetyCase.Category,
            policy.FindCategory(safetyCase.Category)?.Name ?? safetyCase.Category,
            safetyCase.Triage?.Priority,
            safetyCase.Status,
            safetyCase.Triage?.Route,
            safetyCase.Origin,
            safetyCase.DueBy,
            safetyCase.DueBy - now,
            safetyCase.Matches.Count,
            safetyCase.InvolvesMinor,
            safetyCase.Claim?.IsActiveAt(now) == true ? safetyCase.Claim.ModeratorId : null);
}
