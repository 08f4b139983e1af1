namespace ServerlessSafety.Domain.Moderation.Audit;

/// <summary>
/// The append-only audit log. It has no way to change or remove an entry; in Azure the app's identity may only create
/// and read in its container.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends an entry.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Entries that match <paramref name="query"/>, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
