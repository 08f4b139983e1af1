using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Banks;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Screening;
using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Domain.Tests.Screening;

public sealed class PdqBankIndexTests
{
    private readonly InMemoryBankStore _bank = new();
    private readonly InMemoryBankSnapshotStore _snapshots = new();

    [Fact]
    public async Task Query_ManyRandomHashes_AgreesWithBruteForceAtRadius31()
    {
        var random = new Random(42);
        var hashes = Enumerable.Range(0, 2000).Select(_ => RandomHash(random)).ToList();
        // Near copies at every distance up to 40, so the radius boundary is exercised.
        var bases = hashes.Take(50).ToList();
        hashes.AddRange(bases.Select((h, i) => FlipRandom(h, i % 41, random)));
        foreach (var hash in hashes)
        {
            await AddAsync(hash);
        }

        using var index = NewIndex();
        await index.EnsureLoadedAsync();

        foreach (var query in bases.Select(b => FlipRandom(b, 4, random)).Concat(Enumerable.Range(0, 20).Select(_ => RandomHash(random))))
        {
            var expected = hashes.Distinct().Select(h => (h, h.DistanceTo(query))).Where(p => p.Item2 <= 31).OrderBy(p => p.Item2).ThenBy(p => p.h.ToString()).ToList();
            var actual = index.Query([query], 31).OrderBy(p => p.Distance).ThenBy(p => p.Hash.ToString()).ToList();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task Snapshot_NewIndexStartsFromItAndCatchesUpWithLaterChanges()
    {
        var random = new Random(7);
        var early = Enumerable.Range(0, 100).Select(_ => RandomHash(random)).ToList();
        foreach (var hash in early)
        {
            await AddAsync(hash);
        }

        using (var first = NewIndex())
        {
            Assert.Equal(100, await first.WriteSnapshotAsync());
        }

        var late = RandomHash(random);
        await AddAsync(late);
        await _bank.RemoveAsync(new ContentHash(BankSignalTypes.Pdq, early[0].ToString()), "stopncii");

        using var second = NewIndex();
        await second.EnsureLoadedAsync();

        Assert.Equal(100, second.Count);
        Assert.Single(second.Query([late], 0));
        Assert.Empty(second.Query([early[0]], 0));
    }

    [Fact]
    public async Task EnsureLoaded_DamagedSnapshot_RebuildsFromTheChangeFeed()
    {
        var hash = RandomHash(new Random(3));
        await AddAsync(hash);
        _snapshots.Bytes = "not a snapshot at all"u8.ToArray();

        using var index = NewIndex();
        await index.EnsureLoadedAsync();

        Assert.Single(index.Query([hash], 0));
    }

    [Fact]
    public async Task RefreshLoop_HashAddedWhileRunning_IsInTheIndexWithinTenSeconds()
    {
        using var index = NewIndex();
        var loop = new PdqBankIndexRefreshLoop(
            index, TimeProvider.System, Options.Create(new HashMatchingOptions { RefreshInterval = TimeSpan.FromMilliseconds(100) }), NullLogger<PdqBankIndexRefreshLoop>.Instance);
        using var stop = new CancellationTokenSource();
        var running = loop.RunAsync(stop.Token);
        await index.EnsureLoadedAsync();

        var hash = RandomHash(new Random(11));
        await AddAsync(hash);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (index.Query([hash], 0).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(index.Query([hash], 0));
    }

    [Fact]
    public async Task Refresh_ReAddedAfterWithdrawal_MatchesAgainOnce()
    {
        var hash = RandomHash(new Random(5));
        using var index = NewIndex();
        await AddAsync(hash);
        await index.RefreshAsync();
        await _bank.RemoveAsync(new ContentHash(BankSignalTypes.Pdq, hash.ToString()), "stopncii");
        await index.RefreshAsync();
        await AddAsync(hash);
        await index.RefreshAsync();

        Assert.Single(index.Query([hash], 0));
        Assert.Equal(1, index.Count);
    }

    private static PdqHash RandomHash(Random random)
    {
        Span<byte> bytes = stackalloc byte[32];
        random.NextBytes(bytes);
        return new PdqHash(BitConverter.ToUInt64(bytes), BitConverter.ToUInt64(bytes[8..]), BitConverter.ToUInt64(bytes[16..]), BitConverter.ToUInt64(bytes[24..]));
    }

    private static PdqHash FlipRandom(PdqHash hash, int bits, Random random)
    {
        foreach (var bit in Enumerable.Range(0, 256).OrderBy(_ => random.Next()).Take(bits))
        {
            hash = hash.FlipBit(bit);
        }

        return hash;
    }

    private PdqBankIndex NewIndex() => new(_bank, _snapshots, NullLogger<PdqBankIndex>.Instance);

    private Task AddAsync(PdqHash hash)
        => _bank.AddAsync(new ContentHash(BankSignalTypes.Pdq, hash.ToString(), 100), new BankMembership("stopncii", "stopncii", DateTimeOffset.UnixEpoch, 100));
}
