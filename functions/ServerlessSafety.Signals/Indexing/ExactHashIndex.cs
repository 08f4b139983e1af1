namespace ServerlessSafety.Signals.Indexing;

/// <summary>
/// A dictionary from hash to entry ids, for exact signal types (MD5, SHA-256): every match has distance 0, and a
/// query finds only equal hashes whatever the radius.
/// </summary>
/// <typeparam name="THash">The hash type, for example the canonical hex string.</typeparam>
public sealed class ExactHashIndex<THash> : IHashIndex<THash>
    where THash : notnull
{
    private readonly Dictionary<THash, long[]> _entries;
    private readonly ReaderWriterLockSlim _lock = new();
    private int _count;

    /// <summary>Creates an empty index.</summary>
    public ExactHashIndex(IEqualityComparer<THash>? comparer = null) => _entries = new Dictionary<THash, long[]>(comparer);

    /// <inheritdoc />
    public int Count => Volatile.Read(ref _count);

    /// <inheritdoc />
    public bool Add(THash hash, long entryId)
    {
        EntryIds.ThrowIfInvalid(entryId);
        _lock.EnterWriteLock();
        try
        {
            // Arrays are replaced, never mutated, so a reader holding the old one sees a consistent set.
            if (_entries.TryGetValue(hash, out var ids))
            {
                if (Array.IndexOf(ids, entryId) >= 0)
                {
                    return false;
                }

                _entries[hash] = [.. ids, entryId];
            }
            else
            {
                _entries[hash] = [entryId];
            }

            _count++;
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <inheritdoc />
    public bool Remove(THash hash, long entryId)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_entries.TryGetValue(hash, out var ids) || Array.IndexOf(ids, entryId) < 0)
            {
                return false;
            }

            if (ids.Length == 1)
            {
                _entries.Remove(hash);
            }
            else
            {
                _entries[hash] = ids.Where(id => id != entryId).ToArray();
            }

            _count--;
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<HashIndexMatch> Query(THash hash, int maxDistance)
    {
        long[]? ids;
        _lock.EnterReadLock();
        try
        {
            _entries.TryGetValue(hash, out ids);
        }
        finally
        {
            _lock.ExitReadLock();
        }

        return ids is null || maxDistance < 0 ? [] : ids.Select(id => new HashIndexMatch(id, 0)).ToArray();
    }

    /// <inheritdoc />
    public IReadOnlyList<HashIndexEntry<THash>> Entries()
    {
        _lock.EnterReadLock();
        try
        {
            return _entries.SelectMany(pair => pair.Value.Select(id => new HashIndexEntry<THash>(pair.Key, id))).ToArray();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }
}
