using ServerlessSafety.Signals.Indexing;
using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Signals.Tests.Indexing;

/// <summary>What every PDQ index must do; each implementation subclasses this and is compared with the linear-scan oracle.</summary>
public abstract class HashIndexContractTests
{
    protected abstract IHashIndex<PdqHash> Create();

    [Theory]
    [InlineData(1, 31)]
    [InlineData(2, 16)]
    [InlineData(3, 10)]
    [InlineData(4, 0)]
    public void Query_RandomBankWithPlantedNeighbours_EqualsLinearScan(int seed, int radius)
    {
        var random = new Random(seed);
        var index = Create();
        var oracle = LinearScanIndex.ForPdq();
        var queries = new List<PdqHash>();
        long id = 0;
        for (var i = 0; i < 3000; i++)
        {
            var hash = RandomHashes.Next(random);
            index.Add(hash, id);
            oracle.Add(hash, id++);
        }

        for (var q = 0; q < 60; q++)
        {
            var query = RandomHashes.Next(random);
            queries.Add(query);
            for (var distance = 0; distance <= 40; distance++)
            {
                var planted = distance % 2 == 0
                    ? RandomHashes.SpreadOverChunks(random, query, distance)
                    : RandomHashes.AtDistance(random, query, distance);
                index.Add(planted, id);
                oracle.Add(planted, id++);
            }
        }

        foreach (var query in queries)
        {
            var expected = oracle.Query(query, radius).OrderBy(m => m.EntryId).ToList();
            var actual = index.Query(query, radius).OrderBy(m => m.EntryId).ToList();
            Assert.Equal(expected, actual);
            Assert.Equal(radius + 1, expected.Count(m => m.Distance <= radius));
        }
    }

    [Fact]
    public void Query_EveryDistanceUpTo31SpreadOverChunks_Found()
    {
        var random = new Random(7);
        var index = Create();
        var query = RandomHashes.Next(random);
        for (var distance = 0; distance <= 40; distance++)
        {
            index.Add(RandomHashes.SpreadOverChunks(random, query, distance), distance);
        }

        var found = index.Query(query, 31).OrderBy(m => m.EntryId).ToList();
        Assert.Equal(Enumerable.Range(0, 32).Select(d => new HashIndexMatch(d, d)), found);
    }

    [Fact]
    public void Remove_WithdrawnEntry_StopsMatchingOthersRemain()
    {
        var random = new Random(11);
        var index = Create();
        var hash = RandomHashes.Next(random);
        var near = RandomHashes.AtDistance(random, hash, 5);
        Assert.True(index.Add(hash, 1));
        Assert.True(index.Add(near, 2));
        Assert.True(index.Add(hash, 3));

        Assert.True(index.Remove(hash, 1));
        Assert.False(index.Remove(hash, 1));
        Assert.False(index.Remove(near, 3));

        Assert.Equal([2L, 3L], index.Query(hash, 31).Select(m => m.EntryId).Order());
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void Add_SamePairTwice_StoredOnce()
    {
        var index = Create();
        var hash = RandomHashes.Next(new Random(3));
        Assert.True(index.Add(hash, 9));
        Assert.False(index.Add(hash, 9));
        Assert.Single(index.Query(hash, 0));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Add_NegativeId_Rejected()
    {
        var index = Create();
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Add(default, -1));
    }

    [Fact]
    public void Entries_AfterAddsAndRemoves_HoldsExactlyTheLiveOnes()
    {
        var random = new Random(5);
        var index = Create();
        var all = Enumerable.Range(0, 500).Select(i => new HashIndexEntry<PdqHash>(RandomHashes.Next(random), i)).ToList();
        all.ForEach(e => index.Add(e.Hash, e.EntryId));
        all.Where(e => e.EntryId % 3 == 0).ToList().ForEach(e => index.Remove(e.Hash, e.EntryId));

        Assert.Equal(
            all.Where(e => e.EntryId % 3 != 0).OrderBy(e => e.EntryId),
            index.Entries().OrderBy(e => e.EntryId));
    }

    [Fact]
    public async Task Query_ConcurrentWithAddsAndRemoves_AlwaysFindsStableEntries()
    {
        var random = new Random(13);
        var index = Create();
        var stable = Enumerable.Range(0, 200).Select(_ => RandomHashes.Next(random)).ToArray();
        for (var i = 0; i < stable.Length; i++)
        {
            index.Add(stable[i], i);
        }

        var churn = Enumerable.Range(0, 20_000).Select(_ => RandomHashes.Next(random)).ToArray();
        using var done = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < churn.Length; i++)
            {
                index.Add(churn[i], 1_000_000 + i);
                if (i % 2 == 0)
                {
                    index.Remove(churn[i / 2], 1_000_000 + (i / 2));
                }
            }

            done.Cancel();
        });

        var misses = 0;
        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(() =>
        {
            var n = r;
            while (!done.IsCancellationRequested)
            {
                var i = n++ % stable.Length;
                var near = RandomHashes.AtDistance(new Random(i), stable[i], 20);
                if (!index.Query(near, 31).Any(m => m.EntryId == i))
                {
                    Interlocked.Increment(ref misses);
                }
            }
        })).ToArray();

        await writer.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, misses);
        Assert.Equal(stable.Length + (churn.Length / 2), index.Count);
    }
}

public sealed class LinearScanIndexContractTests : HashIndexContractTests
{
    protected override IHashIndex<PdqHash> Create() => LinearScanIndex.ForPdq();
}

public sealed class MultiIndexHashIndexContractTests : HashIndexContractTests
{
    // A small tail bound so the tests cross many rebuilds, not just the unindexed tail.
    protected override IHashIndex<PdqHash> Create() => new MultiIndexHashIndex(minimumTail: 64);
}

public sealed class BulkBuiltMultiIndexContractTests : HashIndexContractTests
{
    protected override IHashIndex<PdqHash> Create() => MultiIndexHashIndex.Build([], minimumTail: 64);
}
