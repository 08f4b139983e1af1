using System.Net;
using Microsoft.Azure.Cosmos;
using Xunit;

namespace ServerlessSafety.LocalServices.Tests.Cosmos;

[Collection(LocalCosmosCollection.Name)]
public sealed class ChangeFeedTests(LocalCosmosFixture cosmos)
{
    [Fact]
    public async Task ChangeFeed_FromTheBeginning_ThenFromItsContinuation_GivesEachLatestVersionOnce()
    {
        var container = await cosmos.NewContainerAsync();
        await container.CreateItemAsync(new Note { Id = "1", Pk = "a", Text = "v1" }, new PartitionKey("a"));
        await container.CreateItemAsync(new Note { Id = "2", Pk = "b", Text = "v1" }, new PartitionKey("b"));

        var (first, continuation) = await DrainAsync(container, ChangeFeedStartFrom.Beginning());
        await container.UpsertItemAsync(new Note { Id = "1", Pk = "a", Text = "v2" }, new PartitionKey("a"));
        await container.UpsertItemAsync(new Note { Id = "1", Pk = "a", Text = "v3" }, new PartitionKey("a"));
        await container.CreateItemAsync(new Note { Id = "3", Pk = "a", Text = "v1" }, new PartitionKey("a"));
        var (second, next) = await DrainAsync(container, ChangeFeedStartFrom.ContinuationToken(continuation));
        var (third, _) = await DrainAsync(container, ChangeFeedStartFrom.ContinuationToken(next));

        Assert.Equal(["1:v1", "2:v1"], first.Select(n => $"{n.Id}:{n.Text}"));
        Assert.Equal(["1:v3", "3:v1"], second.Select(n => $"{n.Id}:{n.Text}"));
        Assert.Empty(third);
    }

    [Fact]
    public async Task ChangeFeed_FromNow_SkipsEarlierChanges()
    {
        var container = await cosmos.NewContainerAsync();
        await container.CreateItemAsync(new Note { Id = "old", Pk = "a" }, new PartitionKey("a"));

        using var iterator = container.GetChangeFeedIterator<Note>(ChangeFeedStartFrom.Now(), ChangeFeedMode.LatestVersion);
        var before = await iterator.ReadNextAsync();
        await container.CreateItemAsync(new Note { Id = "new", Pk = "a" }, new PartitionKey("a"));
        var after = await iterator.ReadNextAsync();

        Assert.Equal(HttpStatusCode.NotModified, before.StatusCode);
        Assert.Equal(["new"], after.Select(n => n.Id));
    }

    [Fact]
    public async Task ChangeFeed_ForOnePartitionKey_SeesOnlyThatPartition()
    {
        var container = await cosmos.NewContainerAsync();
        await container.CreateItemAsync(new Note { Id = "1", Pk = "a" }, new PartitionKey("a"));
        await container.CreateItemAsync(new Note { Id = "2", Pk = "b" }, new PartitionKey("b"));

        var (changes, _) = await DrainAsync(container, ChangeFeedStartFrom.Beginning(FeedRange.FromPartitionKey(new PartitionKey("b"))));

        Assert.Equal(["2"], changes.Select(n => n.Id));
    }

    /// <summary>Reads pages until the feed answers 304 Not Modified; returns the changes and where to go on from.</summary>
    internal static async Task<(List<Note> Changes, string Continuation)> DrainAsync(Container container, ChangeFeedStartFrom start)
    {
        using var iterator = container.GetChangeFeedIterator<Note>(start, ChangeFeedMode.LatestVersion, new ChangeFeedRequestOptions { PageSizeHint = 1 });
        var changes = new List<Note>();
        for (var page = 0; page < 100; page++)
        {
            var response = await iterator.ReadNextAsync();
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return (changes, response.ContinuationToken);
            }

            changes.AddRange(response);
        }

        throw new InvalidOperationException("The change feed never answered 304 Not Modified.");
    }
}
