using System.Collections.Concurrent;

namespace ServerlessSafety.Domain.Moderation.Queue;

/// <summary>A process-local <see cref="IQueueView"/> for unit tests and tools; the app keeps it in Cosmos DB.</summary>
public sealed class InMemoryQueueView : IQueueView
{
    private readonly ConcurrentDictionary<string, QueueEntry> _entries = new(StringComparer.Ordinal);
    private string? _checkpoint;

    /// <inheritdoc />
    public Task<IReadOnlyList<QueueEntry>> ListOpenAsync(QueueFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Task.FromResult<IReadOnlyList<QueueEntry>>(_entries.Values
            .Where(e => e.IsOpen && filter.Admits(e))
            .OrderByDescending(e => e.Rank)
            .ThenBy(e => e.DueBy)
            .Take(filter.Limit)
            .ToList());
    }

    /// <inheritdoc />
    public Task ApplyAsync(QueueEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries.AddOrUpdate(entry.Id, entry, (_, held) => held.Revision >= entry.Revision ? held : entry);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<string?> ReadCheckpointAsync(CancellationToken cancellationToken = default) => Task.FromResult(Volatile.Read(ref _checkpoint));

    /// <inheritdoc />
    public Task SaveCheckpointAsync(string checkpoint, CancellationToken cancellationToken = default)
    {
        Volatile.Write(ref _checkpoint, checkpoint);
        return Task.CompletedTask;
    }
}
