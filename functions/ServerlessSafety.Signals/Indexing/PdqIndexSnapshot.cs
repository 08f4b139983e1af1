using System.Buffers.Binary;
using System.Security.Cryptography;
using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Signals.Indexing;

/// <summary>
/// Binary snapshot of PDQ index entries, so a matcher can start from one blob instead of reading the whole bank.
/// </summary>
/// <remarks>
/// Layout (little-endian): magic <c>SSPDQIDX</c>, version (int32, 1), entry count (int64), then per entry the four hash
/// words (bits 0..63 first) and the entry id (int64), then the SHA-256 of everything before it. A reader refuses an
/// unknown version, a short stream or a checksum mismatch with <see cref="InvalidDataException"/>, so a damaged blob
/// means "rebuild from the bank", never a silently partial index.
/// </remarks>
public static class PdqIndexSnapshot
{
    /// <summary>The format version this code writes and reads.</summary>
    public const int Version = 1;

    private const int EntryBytes = 40;
    private const int EntriesPerBlock = 4096;
    private static ReadOnlySpan<byte> Magic => "SSPDQIDX"u8;

    /// <summary>Writes <paramref name="entries"/> to <paramref name="destination"/>.</summary>
    public static async Task WriteAsync(
        Stream destination, IReadOnlyCollection<HashIndexEntry<PdqHash>> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(entries);
        using var checksum = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var header = new byte[Magic.Length + 4 + 8];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(Magic.Length), Version);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(Magic.Length + 4), entries.Count);
        await WriteAndSumAsync(destination, checksum, header, cancellationToken).ConfigureAwait(false);

        var block = new byte[EntriesPerBlock * EntryBytes];
        var used = 0;
        foreach (var entry in entries)
        {
            var span = block.AsSpan(used, EntryBytes);
            BinaryPrimitives.WriteUInt64LittleEndian(span, entry.Hash.W0);
            BinaryPrimitives.WriteUInt64LittleEndian(span[8..], entry.Hash.W1);
            BinaryPrimitives.WriteUInt64LittleEndian(span[16..], entry.Hash.W2);
            BinaryPrimitives.WriteUInt64LittleEndian(span[24..], entry.Hash.W3);
            BinaryPrimitives.WriteInt64LittleEndian(span[32..], entry.EntryId);
            used += EntryBytes;
            if (used == block.Length)
            {
                await WriteAndSumAsync(destination, checksum, block, cancellationToken).ConfigureAwait(false);
                used = 0;
            }
        }

        await WriteAndSumAsync(destination, checksum, block.AsMemory(0, used), cancellationToken).ConfigureAwait(false);
        await destination.WriteAsync(checksum.GetHashAndReset(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a snapshot written by <see cref="WriteAsync"/>.</summary>
    /// <param name="source">The snapshot stream.</param>
    /// <param name="maxEntries">Refuse snapshots claiming more entries than this (guards the allocation).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="InvalidDataException">Not a snapshot, another version, truncated, or failing its checksum.</exception>
    public static async Task<IReadOnlyList<HashIndexEntry<PdqHash>>> ReadAsync(
        Stream source, long maxEntries = 100_000_000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var checksum = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var header = new byte[Magic.Length + 4 + 8];
        await ReadAndSumAsync(source, checksum, header, cancellationToken).ConfigureAwait(false);
        if (!header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a PDQ index snapshot (bad magic).");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(Magic.Length));
        if (version != Version)
        {
            throw new InvalidDataException($"PDQ index snapshot version {version} is not supported (expected {Version}).");
        }

        var count = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(Magic.Length + 4));
        if (count < 0 || count > maxEntries)
        {
            throw new InvalidDataException($"PDQ index snapshot claims {count} entries (limit {maxEntries}).");
        }

        var entries = new List<HashIndexEntry<PdqHash>>((int)count);
        var block = new byte[EntriesPerBlock * EntryBytes];
        for (var remaining = count; remaining > 0;)
        {
            var take = (int)Math.Min(remaining, EntriesPerBlock);
            var bytes = block.AsMemory(0, take * EntryBytes);
            await ReadAndSumAsync(source, checksum, bytes, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < take; i++)
            {
                var span = block.AsSpan(i * EntryBytes, EntryBytes);
                var hash = new PdqHash(
                    BinaryPrimitives.ReadUInt64LittleEndian(span),
                    BinaryPrimitives.ReadUInt64LittleEndian(span[8..]),
                    BinaryPrimitives.ReadUInt64LittleEndian(span[16..]),
                    BinaryPrimitives.ReadUInt64LittleEndian(span[24..]));
                entries.Add(new HashIndexEntry<PdqHash>(hash, BinaryPrimitives.ReadInt64LittleEndian(span[32..])));
            }

            remaining -= take;
        }

        var expected = checksum.GetHashAndReset();
        var actual = new byte[expected.Length];
        await ReadExactlyAsync(source, actual, cancellationToken).ConfigureAwait(false);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            throw new InvalidDataException("PDQ index snapshot failed its checksum.");
        }

        return entries;
    }

    private static async Task WriteAndSumAsync(Stream destination, IncrementalHash checksum, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        checksum.AppendData(bytes.Span);
        await destination.WriteAsync(bytes, ct).ConfigureAwait(false);
    }

    private static async Task ReadAndSumAsync(Stream source, IncrementalHash checksum, Memory<byte> bytes, CancellationToken ct)
    {
        await ReadExactlyAsync(source, bytes, ct).ConfigureAwait(false);
        checksum.AppendData(bytes.Span);
    }

    private static async Task ReadExactlyAsync(Stream source, Memory<byte> bytes, CancellationToken ct)
    {
        try
        {
            await source.ReadExactlyAsync(bytes, ct).ConfigureAwait(false);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("PDQ index snapshot is truncated.", ex);
        }
    }
}
