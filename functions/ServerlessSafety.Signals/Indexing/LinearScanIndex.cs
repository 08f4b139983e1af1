using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Signals.Indexing;

/// <summary>
/// Compares the query with every entry. Slow (linear in the entries) and obviously right: the oracle the fast
/// indexes are tested against, and a fine index for small banks.
/// </summary>
/// <typeparam name="THash">The hash type.</typeparam>
public sealed class LinearScanIndex<THash> : IHashIndex<THash>
    where THash : IEquatable<THash>
{
    private readonly Func<THash, THash, int> _distance;
    private readonly List<HashIndexEntry<THash>> _entries = [];
    private readonly Lock _lock = new();

    /// <summary>Creates an empty index using <paramref name="distance"/>.</summary>
    public LinearScanIndex(Func<THash, THash, int> distance) => _distance = distance;

    /// <inheritdoc />
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc />
    public bool Add(THash hash, long entryId)
    {
        EntryIds.ThrowIfInvalid(entryId);
        var entry = new HashIndexEntry<THash>(hash, entryId);
        lock (_lock)
        {
            if (_entries.Contains(entry))
            {
                return false;
            }

            _entries.Add(entry);
            return true;
        }
    }

    /// <inheritdoc />
    public bool Remove(THash hash, long entryId)
    {
        lock (_lock)
        {
            return _entries.Remove(new HashIndexEntry<THash>(hash, entryId));
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<HashIndexMatch> Query(THash hash, int maxDistance)
    {
        var matches = new List<HashIndexMatch>();
        lock (_lock)
        {
            foreach (var entry in _entries)
            {
                var distance = _distance(hash, entry.Hash);
                if (distance <= maxDistance)
                {
                    matches.Add(new HashIndexMatch(entry.EntryId, distance));
                }
            }
        }

        return matches;
    }

    /// <inheritdoc />
    public IReadOnlyList<HashIndexEntry<THash>> Entries()
    {
        lock (_lock)
        {
            return [.. _entries];
        }
    }
}

/// <summary>Factory for the PDQ oracle.</summary>
public static class LinearScanIndex
{
    /// <summary>A linear-scan index over PDQ hashes by Hamming distance.</summary>
    public static LinearScanIndex<PdqHash> ForPdq() => new(static (a, b) => a.DistanceTo(b));
}
