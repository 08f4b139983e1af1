using ServerlessSafety.Signals.Indexing;

namespace ServerlessSafety.Signals.Tests.Indexing;

public sealed class ExactHashIndexTests
{
    [Fact]
    public void Query_EqualHash_FoundAtDistanceZeroOthersNot()
    {
        var index = new ExactHashIndex<string>(StringComparer.Ordinal);
        Assert.True(index.Add("d35c785545392755e7e4164457657269", 1));
        Assert.True(index.Add("d35c785545392755e7e4164457657269", 2));
        Assert.False(index.Add("d35c785545392755e7e4164457657269", 2));
        index.Add("69b0834fac1477a4397a0be6b6e55c1a", 3);

        Assert.Equal([new HashIndexMatch(1, 0), new HashIndexMatch(2, 0)], index.Query("d35c785545392755e7e4164457657269", 31));
        Assert.Empty(index.Query("00000000000000000000000000000000", 31));
    }

    [Fact]
    public void Remove_Withdrawn_StopsMatching()
    {
        var index = new ExactHashIndex<string>(StringComparer.Ordinal);
        index.Add("aa", 1);
        index.Add("aa", 2);
        Assert.True(index.Remove("aa", 1));
        Assert.False(index.Remove("aa", 1));
        Assert.Equal([new HashIndexMatch(2, 0)], index.Query("aa", 0));
        Assert.True(index.Remove("aa", 2));
        Assert.Empty(index.Query("aa", 0));
        Assert.Equal(0, index.Count);
        Assert.Empty(index.Entries());
    }
}
