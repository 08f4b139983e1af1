namespace ServerlessSafety.Signals.Indexing;

/// <summary>
/// An in-memory set of (hash, entry id) pairs that answers "which entries lie within distance r of this hash".
/// </summary>
/// <remarks>
/// Entry ids are the caller's (for example a bank record's sequence number) and must be non-negative. The same id may
/// be added under several hashes. Every implementation is safe for concurrent queries alongside concurrent adds and
/// removals; a query sees each add or removal that completed before it started.
/// </remarks>
/// <typeparam name="THash">The hash type.</typeparam>
public interface IHashIndex<THash>
{
    /// <summary>Number of entries.</summary>
    int Count { get; }

    /// <summary>Adds the pair; false (and no change) if it is already present.</summary>
    bool Add(THash hash, long entryId);

    /// <summary>Withdraws the pair; false if it was not present. It stops matching before this returns.</summary>
    bool Remove(THash hash, long entryId);

    /// <summary>Every entry within <paramref name="maxDistance"/> of <paramref name="hash"/>, each once, in no particular order.</summary>
    IReadOnlyList<HashIndexMatch> Query(THash hash, int maxDistance);

    /// <summary>A point-in-time copy of all entries, for snapshots.</summary>
    IReadOnlyList<HashIndexEntry<THash>> Entries();
}
