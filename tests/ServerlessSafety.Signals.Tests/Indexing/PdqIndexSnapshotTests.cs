using ServerlessSafety.Signals.Indexing;
using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Signals.Tests.Indexing;

public sealed class PdqIndexSnapshotTests
{
    [Fact]
    public async Task ReadAsync_WhatWasWritten_SameEntriesAndIndexAnswersAlike()
    {
        var random = new Random(4);
        var entries = Enumerable.Range(0, 10_000).Select(i => new HashIndexEntry<PdqHash>(RandomHashes.Next(random), i * 7L)).ToList();
        using var blob = new MemoryStream();
        await PdqIndexSnapshot.WriteAsync(blob, entries);
        blob.Position = 0;

        var read = await PdqIndexSnapshot.ReadAsync(blob);

        Assert.Equal(entries, read);
        var index = MultiIndexHashIndex.Build(read);
        Assert.Equal([new HashIndexMatch(7 * 123, 0)], index.Query(entries[123].Hash, 0));
    }

    [Fact]
    public async Task ReadAsync_FlippedByte_RejectedByChecksum()
    {
        var bytes = await WriteAsync(100);
        bytes[100] ^= 0x01;
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => PdqIndexSnapshot.ReadAsync(new MemoryStream(bytes)));
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Truncated_Rejected()
    {
        var bytes = await WriteAsync(100);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => PdqIndexSnapshot.ReadAsync(new MemoryStream(bytes[..^40])));
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_OtherVersion_RejectedNamingIt()
    {
        var bytes = await WriteAsync(1);
        bytes[8] = 9;
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => PdqIndexSnapshot.ReadAsync(new MemoryStream(bytes)));
        Assert.Contains("version 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NotASnapshot_Rejected()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => PdqIndexSnapshot.ReadAsync(new MemoryStream(new byte[64])));
    }

    private static async Task<byte[]> WriteAsync(int count)
    {
        var random = new Random(1);
        using var blob = new MemoryStream();
        await PdqIndexSnapshot.WriteAsync(blob, Enumerable.Range(0, count).Select(i => new HashIndexEntry<PdqHash>(RandomHashes.Next(random), i)).ToList());
        return blob.ToArray();
    }
}
