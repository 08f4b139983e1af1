using Microsoft.Extensions.Logging;
using ServerlessSafety.Domain.Banks;
using ServerlessSafety.Signals.Indexing;
using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Domain.Screening;

/// <summary>
/// The bank's live PDQ hashes in memory, for near-duplicate lookups: built at start from the snapshot blob,
/// then kept current by reading the bank's change feed from the snapshot's checkpoint.
/// </summary>
/// <remarks>
/// The index only proposes candidates; <see cref="BankMatcher"/> confirms each by a point read, so a withdrawn
/// hash stops matching at once even before the change feed brings its tombstone here. A hash added to the bank
/// matches after the next <see cref="RefreshAsync"/> (every <see cref="HashMatchingOptions.RefreshInterval"/>).
/// Thread-safe: one refresh at a time, any number of concurrent queries. Lookups go through a
/// <see cref="MultiIndexHashIndex"/> (exact up to radius 31); entry ids index an array of the hashes, 32 bytes
/// each, so a match names its hash without a second map. Ids of withdrawn hashes are not reused until the next
/// load, which compacts them.
/// </remarks>
public sealed class PdqBankIndex : IDisposable
{
    // Bounds one refresh so a long backlog cannot starve queries of the write lock; the next refresh continues.
    private const int MaxPagesPerRefresh = 100;

    private readonly IBankChangeFeed _feed;
    private readonly IBankSnapshotStore _snapshots;
    private readonly ILogger<PdqBankIndex> _logger;
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private MultiIndexHashIndex _index = new();
    private PdqHash[] _byId = new PdqHash[1024];
    private long _nextId;
    private string? _checkpoint;
    private bool _loaded;

    /// <summary>Creates an empty index; <see cref="EnsureLoadedAsync"/> fills it.</summary>
    public PdqBankIndex(IBankChangeFeed feed, IBankSnapshotStore snapshots, ILogger<PdqBankIndex> logger)
    {
        _feed = feed;
        _snapshots = snapshots;
        _logger = logger;
    }

    /// <summary>How many PDQ hashes the index holds.</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _index.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>The change-feed checkpoint the index is current to.</summary>
    public string? Checkpoint => Volatile.Read(ref _checkpoint);

    /// <summary>Loads the snapshot and catches up with the change feed, once; later calls return at once.</summary>
    public async Task EnsureLoadedAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _loaded))
        {
            return;
        }

        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            if (_loaded)
            {
                return;
            }

            var fromSnapshot = await LoadSnapshotAsync(cancellationToken);
            try
            {
                await CatchUpAsync(cancellationToken);
            }
            catch (Exception e) when (fromSnapshot && e is not OperationCanceledException)
            {
                // The snapshot's checkpoint is not valid for this account (restored or recreated): start over.
                Log.SnapshotCheckpointRejected(_logger, e);
                Write(() => Replace([]));
                _checkpoint = null;
                await CatchUpAsync(cancellationToken);
            }

            Volatile.Write(ref _loaded, true);
            Log.Loaded(_logger, Count);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    /// <summary>Applies the bank changes since the last refresh; returns how many hash changes it applied.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await EnsureLoadedAsync(cancellationToken);
        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            return await CatchUpAsync(cancellationToken);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    /// <summary>
    /// The index's hashes within <paramref name="radius"/> of any of <paramref name="queries"/> (the upload's
    /// dihedral variants), each with its smallest distance, nearest first.
    /// </summary>
    public IReadOnlyList<(PdqHash Hash, int Distance)> Query(IReadOnlyList<PdqHash> queries, int radius)
    {
        _lock.EnterReadLock();
        try
        {
            return _index.QueryVariants(queries, radius).Select(m => (_byId[m.EntryId], m.Distance)).ToList();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Writes the index, current to its checkpoint, as the new snapshot.</summary>
    public async Task<int> WriteSnapshotAsync(CancellationToken cancellationToken = default)
    {
        await EnsureLoadedAsync(cancellationToken);
        PdqHash[] hashes;
        string? checkpoint;
        _lock.EnterReadLock();
        try
        {
            hashes = [.. _index.Entries().Select(e => e.Hash)];
            checkpoint = _checkpoint;
        }
        finally
        {
            _lock.ExitReadLock();
        }

        await _snapshots.WriteAsync((stream, ct) => BankIndexSnapshot.WriteAsync(stream, checkpoint, hashes, ct), cancellationToken);
        Log.SnapshotWritten(_logger, hashes.Length);
        return hashes.Length;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _lock.Dispose();
        _refreshGate.Dispose();
    }

    private async Task<bool> LoadSnapshotAsync(CancellationToken cancellationToken)
    {
        await using var snapshot = await _snapshots.OpenReadAsync(cancellationToken);
        if (snapshot is null)
        {
            return false;
        }

        var loaded = new List<PdqHash>();
        try
        {
            var checkpoint = await BankIndexSnapshot.ReadAsync(snapshot, loaded.Add, cancellationToken);
            Write(() => Replace(loaded));
            _checkpoint = checkpoint;
            return true;
        }
        catch (InvalidDataException e)
        {
            // A damaged snapshot costs a full read of the change feed, never a wrong index.
            Log.SnapshotUnreadable(_logger, e);
            return false;
        }
    }

    private async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var applied = 0;
        for (var page = 0; page < MaxPagesPerRefresh; page++)
        {
            var changes = await _feed.ReadChangesAsync(_checkpoint, cancellationToken);
            var pdq = changes.Changes.Where(c => c.SignalType == BankSignalTypes.Pdq).ToList();
            if (pdq.Count > 0)
            {
                Write(() =>
                {
                    foreach (var change in pdq)
                    {
                        if (!PdqHash.TryParse(change.Value, out var hash))
                        {
                            continue;
                        }

                        if (change.Withdrawn || change.Memberships.Count == 0)
                        {
                            Remove(hash);
                        }
                        else
                        {
                            Add(hash);
                        }
                    }
                });
                applied += pdq.Count;
            }

            Volatile.Write(ref _checkpoint, changes.Checkpoint);
            if (changes.CaughtUp || changes.Changes.Count == 0)
            {
                break;
            }
        }

        return applied;
    }

    // The three below run under the write lock.
    private void Replace(IReadOnlyCollection<PdqHash> hashes)
    {
        var distinct = hashes.Distinct().ToArray();
        _byId = new PdqHash[Math.Max(1024, distinct.Length * 5 / 4)];
        distinct.CopyTo(_byId, 0);
        _nextId = distinct.Length;
        _index = MultiIndexHashIndex.Build(distinct.Select((h, i) => new HashIndexEntry<PdqHash>(h, i)));
    }

    private void Add(PdqHash hash)
    {
        if (_index.Query(hash, 0).Count > 0)
        {
            return;
        }

        if (_nextId == _byId.Length)
        {
            Array.Resize(ref _byId, _byId.Length * 2);
        }

        _byId[_nextId] = hash;
        _index.Add(hash, _nextId++);
    }

    private void Remove(PdqHash hash)
    {
        foreach (var match in _index.Query(hash, 0))
        {
            _index.Remove(hash, match.EntryId);
        }
    }

    private void Write(Action change)
    {
        _lock.EnterWriteLock();
        try
        {
            change();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}
