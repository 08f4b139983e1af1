using System.Net;
using Microsoft.Azure.Cosmos;
using Xunit;

namespace ServerlessSafety.LocalServices.Tests.Cosmos;

[Collection(LocalCosmosCollection.Name)]
public sealed class TimeToLiveTests(LocalCosmosFixture cosmos)
{
    private static readonly TimeSpan ExpiryWait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task DefaultTtl_ExpiresItems_ButAnItemWithTtlMinusOneStays()
    {
        var container = await cosmos.NewContainerAsync(defaultTtl: 1);
        await container.CreateItemAsync(new Note { Id = "short", Pk = "a" }, new PartitionKey("a"));
        await container.CreateItemAsync(new Note { Id = "forever", Pk = "a", Ttl = -1 }, new PartitionKey("a"));

        await WaitUntilGoneAsync(container, "short");

        Assert.Equal("forever", (await container.ReadItemAsync<Note>("forever", new PartitionKey("a"))).Resource.Id);
    }

    [Fact]
    public async Task ItemTtl_WithTtlOnAndNoDefault_ExpiresOnlyThatItem()
    {
        var container = await cosmos.NewContainerAsync(defaultTtl: -1);
        await container.CreateItemAsync(new Note { Id = "short", Pk = "a", Ttl = 1 }, new PartitionKey("a"));
        await container.CreateItemAsync(new Note { Id = "kept", Pk = "a" }, new PartitionKey("a"));

        await WaitUntilGoneAsync(container, "short");

        Assert.Equal("kept", (await container.ReadItemAsync<Note>("kept", new PartitionKey("a"))).Resource.Id);
    }

    [Fact]
    public async Task WithoutDefaultTtl_AnItemsTtlIsIgnored()
    {
        var container = await cosmos.NewContainerAsync();
        await container.CreateItemAsync(new Note { Id = "marker", Pk = "a", Ttl = 1 }, new PartitionKey("a"));
        var probe = await cosmos.NewContainerAsync(defaultTtl: 1);
        await probe.CreateItemAsync(new Note { Id = "probe", Pk = "a" }, new PartitionKey("a"));

        // Once an item with the same TTL in a TTL container is gone, the sweep has passed this one too.
        await WaitUntilGoneAsync(probe, "probe");

        Assert.Equal("marker", (await container.ReadItemAsync<Note>("marker", new PartitionKey("a"))).Resource.Id);
    }

    [Fact]
    public async Task ReplacingTheContainersTtl_KeepsItsItems()
    {
        var container = await cosmos.NewContainerAsync();
        await container.CreateItemAsync(new Note { Id = "1", Pk = "a" }, new PartitionKey("a"));
        var properties = (await container.ReadContainerAsync()).Resource;
        properties.DefaultTimeToLive = 3600;

        var replaced = await container.ReplaceContainerAsync(properties);

        Assert.Equal(3600, replaced.Resource.DefaultTimeToLive);
        Assert.Equal("1", (await container.ReadItemAsync<Note>("1", new PartitionKey("a"))).Resource.Id);
    }

    private static async Task WaitUntilGoneAsync(Container container, string id)
    {
        var deadline = DateTime.UtcNow + ExpiryWait;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await container.ReadItemAsync<Note>(id, new PartitionKey("a"));
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new Xunit.Sdk.XunitException($"Item '{id}' had not expired after {ExpiryWait.TotalSeconds} s.");
    }
}
