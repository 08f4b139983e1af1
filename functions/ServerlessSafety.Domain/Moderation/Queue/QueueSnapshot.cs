using ServerlessSafety.Domain.Moderation.Wellness;

namespace ServerlessSafety.Domain.Moderation.Queue;

/// <summary>The queue as one moderator sees it: the cases, and their own exposure today.</summary>
/// <param name="Items">Open cases, highest priority first, then nearest deadline.</param>
/// <param name="Today">The moderator's counts for today.</param>
public sealed record QueueSnapshot(IReadOnlyList<QueueItem> Items, ExposureToday Today);
