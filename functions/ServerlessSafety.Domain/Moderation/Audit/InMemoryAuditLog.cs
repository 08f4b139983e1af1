using System.Collections.Concurrent;

namespace ServerlessSafety.Domain.Moderation.Audit;

/// <summary>A process-local <see cref="IAuditLog"/> for unit tests and tools; the app keeps it in Cosmos DB.</summary>
public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly ConcurrentQueue<AuditEntry> _entries = new();

    /// <inheritdoc />
    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        _entries.Enqueue(entry);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult<IReadOnlyList<AuditEntry>>(_entries
            .Where(e => (query.CaseId is null || e.CaseId == query.CaseId) && (query.ModeratorId is null || e.ModeratorId == query.ModeratorId))
            .OrderByDescending(e => e.At)
            .Take(Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit))
            .ToList());
    }
}
