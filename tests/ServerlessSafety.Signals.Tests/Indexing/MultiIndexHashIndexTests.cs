using ServerlessSafety.Signals.Indexing;
using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Signals.Tests.Indexing;

public sealed class MultiIndexHashIndexTests
{
    [Fact]
    public void Build_FromEntries_QueriesLikeLinearScanIncludingRadiusAbove31()
    {
        var random = new Random(21);
        var entries = Enumerable.Range(0, 5000).Select(i => new HashIndexEntry<PdqHash>(RandomHashes.Next(random), i)).ToList();
        var query = entries[17].Hash;
        entries.AddRange(Enumerable.Range(0, 60).Select(d => new HashIndexEntry<PdqHash>(RandomHashes.AtDistance(random, query, d), 10_000 + d)));
        var index = MultiIndexHashIndex.Build(entries);
        var oracle = LinearScanIndex.ForPdq();
        entries.ForEach(e => oracle.Add(e.Hash, e.EntryId));

        foreach (var radius in new[] { 0, 15, 16, 31, 32, 45 })
        {
            Assert.Equal(oracle.Query(query, radius).OrderBy(m => m.EntryId), index.Query(query, radius).OrderBy(m => m.EntryId));
        }
    }

    [Fact]
    public void ArrayBytes_PerEntry_StaysUnder140()
    {
        var random = new Random(2);
        var entries = Enumerable.Range(0, 200_000).Select(i => new HashIndexEntry<PdqHash>(RandomHashes.Next(random), i)).ToList();
        var index = MultiIndexHashIndex.Build(entries);
        Assert.True(index.ArrayBytes / (double)entries.Count < 140, $"{index.ArrayBytes / (double)entries.Count} bytes per entry");
    }
}
