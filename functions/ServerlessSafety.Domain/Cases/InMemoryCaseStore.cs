using System.Collections.Concurrent;
using System.Globalization;

namespace ServerlessSafety.Domain.Cases;

/// <summary>A process-local <see cref="ICaseStore"/> and its change feed, for unit tests and tools; the app uses Cosmos DB.</summary>
public sealed class InMemoryCaseStore : ICaseStore, ICaseChangeFeed
{
    private readonly ConcurrentDictionary<string, SafetyCase> _cases = new(StringComparer.Ordinal);
    private readonly List<string> _changes = [];

    /// <inheritdoc />
    public Task<bool> TryCreateAsync(SafetyCase safetyCase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(safetyCase);
        var created = _cases.TryAdd(safetyCase.Id, safetyCase);
        if (created)
        {
            Changed(safetyCase.Id);
        }

        return Task.FromResult(created);
    }

    /// <inheritdoc />
    public Task<SafetyCase?> GetAsync(string caseId, CancellationToken cancellationToken = default)
        => Task.FromResult(_cases.GetValueOrDefault(caseId));

    /// <inheritdoc />
    public Task<SafetyCase?> UpdateAsync(string caseId, Func<SafetyCase, SafetyCase> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        while (_cases.TryGetValue(caseId, out var current))
        {
            var next = change(current);
            if (next == current)
            {
                return Task.FromResult<SafetyCase?>(current);
            }

            next = next with { Revision = current.Revision + 1 };
            if (_cases.TryUpdate(caseId, next, current))
            {
                Changed(caseId);
                return Task.FromResult<SafetyCase?>(next);
            }
        }

        return Task.FromResult<SafetyCase?>(null);
    }

    /// <inheritdoc />
    public Task<CaseChanges> ReadChangesAsync(string? checkpoint, int maxCases, CancellationToken cancellationToken = default)
    {
        lock (_changes)
        {
            var from = checkpoint is null ? 0 : int.Parse(checkpoint, CultureInfo.InvariantCulture);
            var to = Math.Min(_changes.Count, from + maxCases);
            var cases = _changes.Skip(from).Take(to - from).Distinct(StringComparer.Ordinal).Select(id => _cases[id]).ToList();
            return Task.FromResult(new CaseChanges(cases, to.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Open cases (not resolved), for tests that look at what a service left behind.</summary>
    public IReadOnlyList<SafetyCase> ListOpen() => _cases.Values.Where(c => !c.IsResolved).ToList();

    private void Changed(string caseId)
    {
        lock (_changes)
        {
            _changes.Add(caseId);
        }
    }
}
