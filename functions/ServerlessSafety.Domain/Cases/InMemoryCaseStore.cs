using System.Collections.Concurrent;

namespace ServerlessSafety.Domain.Cases;

/// <summary>A process-local <see cref="ICaseStore"/> for unit tests and tools; the app uses Cosmos DB.</summary>
public sealed class InMemoryCaseStore : ICaseStore
{
    private readonly ConcurrentDictionary<string, SafetyCase> _cases = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<bool> TryCreateAsync(SafetyCase safetyCase, CancellationToken cancellationToken = default)
        => Task.FromResult(_cases.TryAdd(safetyCase.Id, safetyCase));

    /// <inheritdoc />
    public Task<SafetyCase?> GetAsync(string caseId, CancellationToken cancellationToken = default)
        => Task.FromResult(_cases.GetValueOrDefault(caseId));

    /// <inheritdoc />
    public Task<SafetyCase?> UpdateAsync(string caseId, Func<SafetyCase, SafetyCase> change, CancellationToken cancellationToken = default)
    {
        while (_cases.TryGetValue(caseId, out var current))
        {
            var next = change(current);
            if (_cases.TryUpdate(caseId, next, current))
            {
                return Task.FromResult<SafetyCase?>(next);
            }
        }

        return Task.FromResult<SafetyCase?>(null);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SafetyCase>> ListOpenAsync(int limit, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<SafetyCase>>(_cases.Values
            .Where(c => !c.IsResolved)
            .OrderByDescending(c => c.Triage?.Priority ?? 0)
            .ThenBy(c => c.DueBy)
            .Take(limit)
            .ToList());
}
