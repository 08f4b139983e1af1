namespace ServerlessSafety.Domain.Offenders;

/// <summary>Offender records by account, changed under an optimistic concurrency check.</summary>
public interface IOffenderStore
{
    /// <summary>The record of an account, or null when nothing was ever decided about it.</summary>
    Task<OffenderRecord?> GetAsync(string account, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies <paramref name="change"/> to the account's record (a new empty one when there is none) and saves it
    /// if nobody changed it meanwhile; on a conflict it rereads and applies the change again, so the change must be
    /// a pure function of the record. Returns the saved record.
    /// </summary>
    Task<OffenderRecord> UpdateAsync(string account, Func<OffenderRecord, OffenderRecord> change, CancellationToken cancellationToken = default);
}
