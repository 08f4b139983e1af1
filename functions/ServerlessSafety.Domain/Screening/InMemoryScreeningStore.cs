using System.Collections.Concurrent;

namespace ServerlessSafety.Domain.Screening;

/// <summary>A process-local <see cref="IScreeningStore"/> for unit tests and tools; the app uses Cosmos DB.</summary>
public sealed class InMemoryScreeningStore : IScreeningStore
{
    private readonly ConcurrentDictionary<string, ScreeningRecord> _records = new(StringComparer.Ordinal);

    /// <summary>Every record held.</summary>
    public IReadOnlyCollection<ScreeningRecord> Records => _records.Values.ToList();

    /// <inheritdoc />
    public Task<ScreeningRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
        => Task.FromResult(_records.GetValueOrDefault(id));

    /// <inheritdoc />
    public Task SaveAsync(ScreeningRecord record, CancellationToken cancellationToken = default)
    {
        _records[record.Id] = record;
        return Task.CompletedTask;
    }
}
