using System.Collections.Concurrent;

namespace ServerlessSafety.Domain.Offenders;

/// <summary>A process-local <see cref="IOffenderStore"/> for unit tests and tools; the app uses Cosmos DB.</summary>
public sealed class InMemoryOffenderStore : IOffenderStore
{
    private readonly ConcurrentDictionary<string, OffenderRecord> _records = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<OffenderRecord?> GetAsync(string account, CancellationToken cancellationToken = default)
        => Task.FromResult(_records.GetValueOrDefault(OffenderRecord.IdFor(account)));

    /// <inheritdoc />
    public Task<OffenderRecord> UpdateAsync(string account, Func<OffenderRecord, OffenderRecord> change, CancellationToken cancellationToken = default)
    {
        var id = OffenderRecord.IdFor(account);
        while (true)
        {
            if (_records.TryGetValue(id, out var current))
            {
                var next = change(current);
                if (_records.TryUpdate(id, next, current))
                {
                    return Task.FromResult(next);
                }
            }
            else
            {
                var created = change(OffenderRecord.For(account));
                if (_records.TryAdd(id, created))
                {
                    return Task.FromResult(created);
                }
            }
        }
    }
}
