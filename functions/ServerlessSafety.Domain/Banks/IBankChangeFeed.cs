namespace ServerlessSafety.Domain.Banks;

/// <summary>The bank's changes in the order they happened, resumable from a checkpoint.</summary>
/// <remarks>
/// Each page holds the latest version of every hash changed since the checkpoint, tombstones included, so
/// applying pages in order leaves a copy equal to the store. Checkpoints are opaque; keep the last one.
/// </remarks>
public interface IBankChangeFeed
{
    /// <summary>Reads the changes after <paramref name="checkpoint"/> (from the beginning when null).</summary>
    Task<BankChangePage> ReadChangesAsync(string? checkpoint, CancellationToken cancellationToken = default);
}

/// <summary>One page of bank changes.</summary>
/// <param name="Changes">The changed hashes, latest version each.</param>
/// <param name="Checkpoint">Where to resume; pass it to the next read.</param>
/// <param name="CaughtUp">Whether the feed had nothing more when this page was read.</param>
public sealed record BankChangePage(IReadOnlyList<BankedHash> Changes, string Checkpoint, bool CaughtUp);
