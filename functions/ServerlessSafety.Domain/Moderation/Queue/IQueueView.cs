namespace ServerlessSafety.Domain.Moderation.Queue;

/// <summary>The moderators' queue view: one <see cref="QueueEntry"/> per case, and how far the change feed was read.</summary>
public interface IQueueView
{
    /// <summary>
    /// Open entries that pass <paramref name="filter"/>, highest <see cref="QueueEntry.Rank"/> first, then nearest
    /// deadline, at most <see cref="QueueFilter.Limit"/>.
    /// </summary>
    Task<IReadOnlyList<QueueEntry>> ListOpenAsync(QueueFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="entry"/> unless the view already holds the same or a later revision of the case.</summary>
    Task ApplyAsync(QueueEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Where the last projection stopped reading the case change feed, or null before the first.</summary>
    Task<string?> ReadCheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>Records where the projection stopped.</summary>
    Task SaveCheckpointAsync(string checkpoint, CancellationToken cancellationToken = default);
}
