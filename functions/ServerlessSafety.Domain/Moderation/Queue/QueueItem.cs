using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Domain.Moderation.Queue;

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
    /// <summary>The queue's line for a view entry.</summary>
    public static QueueItem From(QueueEntry entry, SafetyPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(policy);
        return new(
            entry.Id,
            entry.Category,
            policy.FindCategory(entry.Category)?.Name ?? entry.Category,
            entry.Priority,
            entry.Status,
            entry.Route,
            entry.Origin,
            entry.DueBy,
            entry.DueBy - now,
            entry.MatchCount,
            entry.InvolvesMinor,
            entry.Claim?.IsActiveAt(now) == true ? entry.Claim.ModeratorId : null);
    }
}
