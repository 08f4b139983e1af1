namespace ServerlessSafety.Domain.Reports;

/// <summary>Remembers Idempotency-Keys for a day (the store expires them).</summary>
public interface IIdempotencyStore
{
    /// <summary>Claims <paramref name="record"/>'s key; when it was claimed before, returns the earlier record instead.</summary>
    Task<IdempotencyRecord?> TryClaimAsync(IdempotencyRecord record, CancellationToken cancellationToken = default);
}
