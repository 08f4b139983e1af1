using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Banks;

/// <summary>Labeled hashes in named banks: one document per hash value, each listing the banks that hold it.</summary>
/// <remarks>
/// Writes are idempotent: adding what is there or withdrawing what is not changes nothing, so an import that
/// is interrupted and run again ends in the same state. Withdrawals leave a tombstone (<see cref="BankedHash.Withdrawn"/>).
/// </remarks>
public interface IBankStore
{
    /// <summary>Reads the hash by signal type and normalized value (one point read), or null when no bank ever held it.</summary>
    Task<BankedHash?> GetAsync(string signalType, string value, CancellationToken cancellationToken = default);

    /// <summary>Adds <paramref name="hash"/> to <paramref name="membership"/>'s bank.</summary>
    Task<BankedHashChange> AddAsync(ContentHash hash, BankMembership membership, CancellationToken cancellationToken = default);

    /// <summary>
    /// Withdraws <paramref name="hash"/> from <paramref name="bank"/> (only the membership from
    /// <paramref name="source"/> when given); other banks keep it.
    /// </summary>
    Task<BankedHashChange> RemoveAsync(ContentHash hash, string bank, string? source = null, CancellationToken cancellationToken = default);
}
