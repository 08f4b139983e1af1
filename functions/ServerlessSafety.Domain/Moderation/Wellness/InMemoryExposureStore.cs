using System.Collections.Concurrent;

namespace ServerlessSafety.Domain.Moderation.Wellness;

/// <summary>A process-local <see cref="IExposureStore"/> for unit tests and tools; the app keeps the counts in Cosmos DB.</summary>
public sealed class InMemoryExposureStore : IExposureStore
{
    private readonly ConcurrentDictionary<string, ExposureDay> _days = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<ExposureDay> GetAsync(string moderatorId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var empty = ExposureDay.Empty(moderatorId, day);
        return Task.FromResult(_days.GetValueOrDefault(empty.Id, empty));
    }

    /// <inheritdoc />
    public Task<ExposureDay> AddAsync(string moderatorId, DateOnly day, ExposureKind kind, CancellationToken cancellationToken = default)
    {
        var empty = ExposureDay.Empty(moderatorId, day);
        return Task.FromResult(_days.AddOrUpdate(empty.Id, _ => empty.Plus(kind), (_, held) => held.Plus(kind)));
    }
}
