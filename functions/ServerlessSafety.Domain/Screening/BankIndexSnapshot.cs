using System.Buffers.Binary;
using System.Text;
using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Domain.Screening;

/// <summary>
/// The snapshot format of the PDQ bank index: a magic line, the change-feed checkpoint the hashes are current
/// to, then the hashes, 32 bytes each (the four 64-bit words, little-endian). 10M hashes take 320 MB.
/// </summary>
public static class BankIndexSnapshot
{
    private const int MaxCheckpointBytes = 1 << 20;
    private const long MaxHashes = 200_000_000;
    private static readonly byte[] Magic = "SSPDQIX1"u8.ToArray();

    /// <summary>Writes <paramref name="hashes"/> current to <paramref name="checkpoint"/>.</summary>
    public static async Task WriteAsync(Stream target, string? checkpoint, IReadOnlyCollection<PdqHash> hashes, CancellationToken cancellationToken)
    {
        var checkpointBytes = Encoding.UTF8.GetBytes(checkpoint ?? string.Empty);
        var header = new byte[Magic.Length + 4 + checkpointBytes.Length + 8];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(Magic.Length), checkpointBytes.Length);
        checkpointBytes.CopyTo(header, Magic.Length + 4);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(Magic.Length + 4 + checkpointBytes.Length), hashes.Count);
        await target.WriteAsync(header, cancellationToken);

        var buffer = new byte[32 * 4096];
        var filled = 0;
        foreach (var hash in hashes)
        {
            var slot = buffer.AsSpan(filled, 32);
            BinaryPrimitives.WriteUInt64LittleEndian(slot, hash.W0);
            BinaryPrimitives.WriteUInt64LittleEndian(slot[8..], hash.W1);
            BinaryPrimitives.WriteUInt64LittleEndian(slot[16..], hash.W2);
            BinaryPrimitives.WriteUInt64LittleEndian(slot[24..], hash.W3);
            filled += 32;
            if (filled == buffer.Length)
            {
                await target.WriteAsync(buffer, cancellationToken);
                filled = 0;
            }
        }

        await target.WriteAsync(buffer.AsMemory(0, filled), cancellationToken);
    }

    /// <summary>Reads a snapshot; calls <paramref name="add"/> for each hash and returns the checkpoint (null when it had none).</summary>
    /// <exception cref="InvalidDataException">Not a snapshot, or truncated.</exception>
    public static async Task<string?> ReadAsync(Stream source, Action<PdqHash> add, CancellationToken cancellationToken)
    {
        var prefix = new byte[Magic.Length + 4];
        await ReadExactlyAsync(source, prefix, cancellationToken);
        if (!prefix.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a PDQ bank index snapshot.");
        }

        var checkpointLength = BinaryPrimitives.ReadInt32LittleEndian(prefix.AsSpan(Magic.Length));
        if (checkpointLength is < 0 or > MaxCheckpointBytes)
        {
            throw new InvalidDataException("The snapshot's checkpoint length is out of range.");
        }

        var rest = new byte[checkpointLength + 8];
        await ReadExactlyAsync(source, rest, cancellationToken);
        var checkpoint = checkpointLength == 0 ? null : Encoding.UTF8.GetString(rest, 0, checkpointLength);
        var count = BinaryPrimitives.ReadInt64LittleEndian(rest.AsSpan(checkpointLength));
        if (count is < 0 or > MaxHashes)
        {
            throw new InvalidDataException("The snapshot's hash count is out of range.");
        }

        var buffer = new byte[32 * 4096];
        for (var remaining = count; remaining > 0;)
        {
            var batch = (int)Math.Min(remaining, buffer.Length / 32);
            await ReadExactlyAsync(source, buffer.AsMemory(0, batch * 32), cancellationToken);
            for (var i = 0; i < batch; i++)
            {
                var slot = buffer.AsSpan(i * 32, 32);
                add(new PdqHash(
                    BinaryPrimitives.ReadUInt64LittleEndian(slot),
                    BinaryPrimitives.ReadUInt64LittleEndian(slot[8..]),
                    BinaryPrimitives.ReadUInt64LittleEndian(slot[16..]),
                    BinaryPrimitives.ReadUInt64LittleEndian(slot[24..])));
            }

            remaining -= batch;
        }

        return checkpoint;
    }

    private static async Task ReadExactlyAsync(Stream source, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            await source.ReadExactlyAsync(buffer, cancellationToken);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The snapshot is truncated.", e);
        }
    }
}
