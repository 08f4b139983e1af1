using System.Numerics;
using System.Runtime.CompilerServices;
using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Signals.Indexing;

/// <summary>
/// Exact PDQ near-neighbour search by multi-index hashing: the 256 bits are cut into 16 chunks of 16 bits, and each
/// chunk value has a posting list of the entries holding it.
/// </summary>
/// <remarks>
/// <para>
/// Why it is exact: if two hashes differ in at most 31 bits, the 16 chunks share those differences, so some chunk
/// differs in at most floor(31 / 16) = 1 bit (pigeonhole). A query therefore probes, in every chunk, its own value and
/// the 16 values one bit away, and keeps the candidates whose full distance is within the radius: 100% recall for any
/// radius up to 31, and no approximation. Radii of 32 or more fall back to a scan of every entry (still exact).
/// </para>
/// <para>
/// Layout: hashes and ids live in flat arrays (40 bytes an entry) and the posting lists in one compressed-row array per
/// index (16 x 4 bytes an entry, plus 4 MiB of bucket offsets), about 104 bytes an entry in all. New entries go to an
/// unindexed tail that queries scan directly; when the tail grows past a bound the writer rebuilds the posting lists
/// into a new generation and publishes it atomically, so queries never wait for writers.
/// </para>
/// </remarks>
public sealed class MultiIndexHashIndex : IHashIndex<PdqHash>
{
    /// <summary>Largest radius answered through the posting lists; above it queries scan.</summary>
    public const int MaxIndexedRadius = 31;

    private const int ChunkCount = 16;
    private const int ChunkValues = 1 << 16;
    private const int BucketsPerChunk = ChunkValues + 1;
    private const long Withdrawn = -1;

    private readonly Lock _writeLock = new();
    private readonly int _minimumTail;
    private Generation _current;

    /// <summary>Creates an empty index.</summary>
    /// <param name="minimumTail">Entries allowed in the unindexed tail before a rebuild, at least; larger means cheaper adds and slower queries.</param>
    public MultiIndexHashIndex(int minimumTail = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumTail);
        _minimumTail = minimumTail;
        _current = Generation.Build([], 0, _minimumTail);
    }

    /// <summary>Builds an index over <paramref name="entries"/> in one pass (ids non-negative, pairs distinct, as a snapshot holds them).</summary>
    public static MultiIndexHashIndex Build(IEnumerable<HashIndexEntry<PdqHash>> entries, int minimumTail = 4096)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries as IReadOnlyList<HashIndexEntry<PdqHash>> ?? entries.ToList();
        foreach (var entry in list)
        {
            EntryIds.ThrowIfInvalid(entry.EntryId);
        }

        var index = new MultiIndexHashIndex(minimumTail);
        index._current = Generation.Build(list, list.Count, index.TailBound(list.Count));
        return index;
    }

    /// <inheritdoc />
    public int Count => Volatile.Read(ref _current).LiveCount;

    /// <summary>Approximate bytes held by the arrays of the current generation (hashes, ids, posting lists, offsets).</summary>
    public long ArrayBytes => Volatile.Read(ref _current).ArrayBytes;

    /// <inheritdoc />
    public bool Add(PdqHash hash, long entryId)
    {
        EntryIds.ThrowIfInvalid(entryId);
        lock (_writeLock)
        {
            var generation = _current;
            if (generation.Find(hash, entryId) >= 0)
            {
                return false;
            }

            if (generation.SlotCount == generation.Capacity)
            {
                generation = generation.SlotCount - generation.IndexedCount >= TailBound(generation.IndexedCount)
                    ? Generation.Build(generation.LiveEntries(), generation.LiveCount, TailBound(generation.LiveCount))
                    : generation.Grow();
                Volatile.Write(ref _current, generation);
            }

            generation.Append(hash, entryId);
            return true;
        }
    }

    /// <inheritdoc />
    public bool Remove(PdqHash hash, long entryId)
    {
        lock (_writeLock)
        {
            var generation = _current;
            var slot = generation.Find(hash, entryId);
            if (slot < 0)
            {
                return false;
            }

            generation.Withdraw(slot);

            // Withdrawn slots still cost memory and probe time; rebuild once they are a quarter of the index.
            if (generation.WithdrawnCount > Math.Max(_minimumTail, generation.LiveCount / 4))
            {
                Volatile.Write(
                    ref _current,
                    Generation.Build(generation.LiveEntries(), generation.LiveCount, TailBound(generation.LiveCount)));
            }

            return true;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<HashIndexMatch> Query(PdqHash hash, int maxDistance)
    {
        var matches = new List<HashIndexMatch>();
        if (maxDistance >= 0)
        {
            Volatile.Read(ref _current).Query(hash, maxDistance, matches);
        }

        return matches;
    }

    /// <inheritdoc />
    public IReadOnlyList<HashIndexEntry<PdqHash>> Entries() => Volatile.Read(ref _current).LiveEntries();

    // The tail may reach 1/16 of the indexed entries (capped), so rebuild cost stays proportional to the adds.
    private int TailBound(int indexed) => Math.Max(_minimumTail, Math.Min(indexed / 16, 65_536));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Chunk(ulong w0, ulong w1, ulong w2, ulong w3, int chunk)
    {
        var word = (chunk >> 2) switch
        {
            0 => w0,
            1 => w1,
            2 => w2,
            _ => w3,
        };
        return (int)((word >> ((chunk & 3) * 16)) & 0xFFFF);
    }

    /// <summary>
    /// One immutable set of posting lists over slots [0, IndexedCount) plus a tail of appended slots; only the writer
    /// appends or withdraws, and it publishes the slot count last so readers never see a half-written slot.
    /// </summary>
    private sealed class Generation
    {
        private readonly ulong[] _words;
        private readonly long[] _ids;
        private readonly int[] _bucketStarts;
        private readonly int[] _postings;
        private int _slotCount;

        private Generation(ulong[] words, long[] ids, int[] bucketStarts, int[] postings, int indexedCount, int slotCount, int withdrawn)
        {
            _words = words;
            _ids = ids;
            _bucketStarts = bucketStarts;
            _postings = postings;
            IndexedCount = indexedCount;
            _slotCount = slotCount;
            WithdrawnCount = withdrawn;
        }

        public int IndexedCount { get; }

        public int SlotCount => Volatile.Read(ref _slotCount);

        public int Capacity => _ids.Length;

        public int WithdrawnCount { get; private set; }

        public int LiveCount => SlotCount - WithdrawnCount;

        public long ArrayBytes =>
            (_words.LongLength * sizeof(ulong)) + (_ids.LongLength * sizeof(long))
            + (_bucketStarts.LongLength * sizeof(int)) + (_postings.LongLength * sizeof(int));

        public static Generation Build(IReadOnlyList<HashIndexEntry<PdqHash>> entries, int count, int tailRoom)
        {
            var capacity = count + tailRoom;
            var words = new ulong[capacity * 4];
            var ids = new long[capacity];
            for (var i = 0; i < count; i++)
            {
                var h = entries[i].Hash;
                words[(i * 4) + 0] = h.W0;
                words[(i * 4) + 1] = h.W1;
                words[(i * 4) + 2] = h.W2;
                words[(i * 4) + 3] = h.W3;
                ids[i] = entries[i].EntryId;
            }

            // Counting sort per chunk: offsets first, then each slot dropped into its bucket in slot order.
            var starts = new int[ChunkCount * BucketsPerChunk];
            var postings = new int[(long)count * ChunkCount];
            for (var i = 0; i < count; i++)
            {
                for (var c = 0; c < ChunkCount; c++)
                {
                    starts[(c * BucketsPerChunk) + ChunkOf(words, i, c) + 1]++;
                }
            }

            for (var c = 0; c < ChunkCount; c++)
            {
                var baseOffset = c * BucketsPerChunk;
                var running = c * count;
                starts[baseOffset] = running;
                for (var v = 1; v < BucketsPerChunk; v++)
                {
                    running += starts[baseOffset + v];
                    starts[baseOffset + v] = running;
                }
            }

            var fill = new int[ChunkValues];
            for (var c = 0; c < ChunkCount; c++)
            {
                Array.Copy(starts, c * BucketsPerChunk, fill, 0, ChunkValues);
                for (var i = 0; i < count; i++)
                {
                    postings[fill[ChunkOf(words, i, c)]++] = i;
                }
            }

            return new Generation(words, ids, starts, postings, count, count, 0);
        }

        public Generation Grow()
        {
            var capacity = Math.Max(16, Capacity * 2);
            var words = new ulong[capacity * 4];
            var ids = new long[capacity];
            Array.Copy(_words, words, _slotCount * 4);
            Array.Copy(_ids, ids, _slotCount);
            return new Generation(words, ids, _bucketStarts, _postings, IndexedCount, _slotCount, WithdrawnCount);
        }

        public void Append(PdqHash hash, long entryId)
        {
            var slot = _slotCount;
            _words[(slot * 4) + 0] = hash.W0;
            _words[(slot * 4) + 1] = hash.W1;
            _words[(slot * 4) + 2] = hash.W2;
            _words[(slot * 4) + 3] = hash.W3;
            _ids[slot] = entryId;
            Volatile.Write(ref _slotCount, slot + 1);
        }

        public void Withdraw(int slot)
        {
            Volatile.Write(ref _ids[slot], Withdrawn);
            WithdrawnCount++;
        }

        public int Find(PdqHash hash, long entryId)
        {
            var found = -1;
            Visit(hash, 0, (slot, id, _) =>
            {
                if (id == entryId)
                {
                    found = slot;
                }
            });
            return found;
        }

        public void Query(PdqHash hash, int maxDistance, List<HashIndexMatch> matches) =>
            Visit(hash, maxDistance, (_, id, distance) => matches.Add(new HashIndexMatch(id, distance)));

        public List<HashIndexEntry<PdqHash>> LiveEntries()
        {
            var count = SlotCount;
            var entries = new List<HashIndexEntry<PdqHash>>(count - WithdrawnCount);
            for (var slot = 0; slot < count; slot++)
            {
                var id = Volatile.Read(ref _ids[slot]);
                if (id != Withdrawn)
                {
                    entries.Add(new HashIndexEntry<PdqHash>(
                        new PdqHash(_words[slot * 4], _words[(slot * 4) + 1], _words[(slot * 4) + 2], _words[(slot * 4) + 3]), id));
                }
            }

            return entries;
        }

        // Calls found(slot, id, distance) once for every live slot within maxDistance of the query.
        private void Visit(PdqHash query, int maxDistance, Action<int, long, int> found)
        {
            var slotCount = SlotCount;
            ulong q0 = query.W0, q1 = query.W1, q2 = query.W2, q3 = query.W3;
            var words = _words;
            var ids = _ids;

            if (maxDistance > MaxIndexedRadius)
            {
                ScanSlots(0, slotCount, q0, q1, q2, q3, maxDistance, found);
                return;
            }

            // A match within r differs in some chunk by at most r / 16 bits: 0 for r < 16, else 1.
            var flips = maxDistance / ChunkCount;
            var starts = _bucketStarts;
            var postings = _postings;
            for (var c = 0; c < ChunkCount; c++)
            {
                var value = Chunk(q0, q1, q2, q3, c);
                var bucketBase = c * BucketsPerChunk;
                for (var probe = -1; probe < (flips == 0 ? 0 : 16); probe++)
                {
                    var bucket = probe < 0 ? value : value ^ (1 << probe);
                    var end = starts[bucketBase + bucket + 1];
                    for (var p = starts[bucketBase + bucket]; p < end; p++)
                    {
                        var slot = postings[p];
                        var x0 = words[slot * 4] ^ q0;
                        var x1 = words[(slot * 4) + 1] ^ q1;
                        var x2 = words[(slot * 4) + 2] ^ q2;
                        var x3 = words[(slot * 4) + 3] ^ q3;
                        var distance = BitOperations.PopCount(x0) + BitOperations.PopCount(x1)
                            + BitOperations.PopCount(x2) + BitOperations.PopCount(x3);
                        if (distance <= maxDistance && !SeenInEarlierChunk(x0, x1, x2, x3, c, flips))
                        {
                            var id = Volatile.Read(ref ids[slot]);
                            if (id != Withdrawn)
                            {
                                found(slot, id, distance);
                            }
                        }
                    }
                }
            }

            ScanSlots(IndexedCount, slotCount, q0, q1, q2, q3, maxDistance, found);
        }

        // The same slot turns up in every chunk where it is within `flips` bits; report it at the first such chunk only.
        private static bool SeenInEarlierChunk(ulong x0, ulong x1, ulong x2, ulong x3, int chunk, int flips)
        {
            for (var c = 0; c < chunk; c++)
            {
                if (BitOperations.PopCount((uint)Chunk(x0, x1, x2, x3, c)) <= flips)
                {
                    return true;
                }
            }

            return false;
        }

        private void ScanSlots(int from, int to, ulong q0, ulong q1, ulong q2, ulong q3, int maxDistance, Action<int, long, int> found)
        {
            var words = _words;
            for (var slot = from; slot < to; slot++)
            {
                var distance = BitOperations.PopCount(words[slot * 4] ^ q0) + BitOperations.PopCount(words[(slot * 4) + 1] ^ q1)
                    + BitOperations.PopCount(words[(slot * 4) + 2] ^ q2) + BitOperations.PopCount(words[(slot * 4) + 3] ^ q3);
                if (distance <= maxDistance)
                {
                    var id = Volatile.Read(ref _ids[slot]);
                    if (id != Withdrawn)
                    {
                        found(slot, id, distance);
                    }
                }
            }
        }

        private static int ChunkOf(ulong[] words, int slot, int chunk) =>
            Chunk(words[slot * 4], words[(slot * 4) + 1], words[(slot * 4) + 2], words[(slot * 4) + 3], chunk);
    }
}
