using System.Net;
using Microsoft.Azure.Cosmos;
using Xunit;

namespace ServerlessSafety.LocalServices.Tests.Cosmos;

[Collection(LocalCosmosCollection.Name)]
public sealed class ItemTests(LocalCosmosFixture cosmos)
{
    [Fact]
    public async Task CreateIfNotExists_SecondCall_FindsTheExistingDatabaseAndContainer()
    {
        var name = "d" + Guid.NewGuid().ToString("N");
        var first = await cosmos.Client.CreateDatabaseIfNotExistsAsync(name);
        var second = await cosmos.Client.CreateDatabaseIfNotExistsAsync(name);
        var created = await first.Database.CreateContainerIfNotExistsAsync("notes", "/pk");
        var found = await first.Database.CreateContainerIfNotExistsAsync("notes", "/pk");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("/pk", found.Resource.PartitionKeyPath);
    }

    [Fact]
    public async Task ReadItem_Missing_Throws404()
    {
        var container = await cosmos.NewContainerAsync();

        var error = await Assert.ThrowsAsync<CosmosException>(() => container.ReadItemAsync<Note>("nope", new PartitionKey("a")));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task ReadItem_InAnotherPartition_Throws404()
    {
        var container = await cosmos.NewContainerAsync();
        await container.CreateItemAsync(new Note { Id = "1", Pk = "a" }, new PartitionKey("a"));

        var error = await Assert.ThrowsAsync<CosmosException>(() => container.ReadItemAsync<Note>("1", new PartitionKey("b")));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task CreateThenRead_ReturnsTheItemWithItsETag()
    {
        var container = await cosmos.NewContainerAsync();
        var created = await container.CreateItemAsync(new Note { Id = "1", Pk = "a", Text = "hello" }, new PartitionKey("a"));

        var read = await container.ReadItemAsync<Note>("1", new PartitionKey("a"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("hello", read.Resource.Text);
        Assert.False(string.IsNullOrEmpty(read.ETag));
        Assert.Equal(created.ETag, read.ETag);
        Assert.Equal(read.ETag, read.Resource.ETag);
    }

    [Fact]
    public async Task Create_WhenTheIdExists_Throws409()
    {
        var container = await cosmos.NewContainerAsync();
        await container.CreateItemAsync(new Note { Id = "1", Pk = "a" }, new PartitionKey("a"));

        var error = await Assert.ThrowsAsync<CosmosException>(() => container.CreateItemAsync(new Note { Id = "1", Pk = "a" }, new PartitionKey("a")));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
    }

    [Fact]
    public async Task Replace_WithTheCurrentETag_Succeeds_AndWithAStaleOne_Throws412()
    {
        var container = await cosmos.NewContainerAsync();
        var created = await container.CreateItemAsync(new Note { Id = "1", Pk = "a", Text = "v1" }, new PartitionKey("a"));

        var replaced = await container.ReplaceItemAsync(new Note { Id = "1", Pk = "a", Text = "v2" }, "1", new PartitionKey("a"), new ItemRequestOptions { IfMatchEtag = created.ETag });
        var error = await Assert.ThrowsAsync<CosmosException>(() =>
            container.ReplaceItemAsync(new Note { Id = "1", Pk = "a", Text = "v3" }, "1", new PartitionKey("a"), new ItemRequestOptions { IfMatchEtag = created.ETag }));

        Assert.NotEqual(created.ETag, replaced.ETag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, error.StatusCode);
        Assert.Equal("v2", (await container.ReadItemAsync<Note>("1", new PartitionKey("a"))).Resource.Text);
    }

    [Fact]
    public async Task Replace_Missing_Throws404()
    {
        var container = await cosmos.NewContainerAsync();

        var error = await Assert.ThrowsAsync<CosmosException>(() => container.ReplaceItemAsync(new Note { Id = "1", Pk = "a" }, "1", new PartitionKey("a")));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Upsert_CreatesThenReplaces_AndAStaleETag_Throws412()
    {
        var container = await cosmos.NewContainerAsync();

        var created = await container.UpsertItemAsync(new Note { Id = "1", Pk = "a", Text = "v1" }, new PartitionKey("a"));
        var replaced = await container.UpsertItemAsync(new Note { Id = "1", Pk = "a", Text = "v2" }, new PartitionKey("a"));
        var error = await Assert.ThrowsAsync<CosmosException>(() =>
            container.UpsertItemAsync(new Note { Id = "1", Pk = "a", Text = "v3" }, new PartitionKey("a"), new ItemRequestOptions { IfMatchEtag = created.ETag }));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, error.StatusCode);
    }

    [Fact]
    public async Task Delete_WithAStaleETag_Throws412_ThenDeleteRemovesTheItem()
    {
        var container = await cosmos.NewContainerAsync();
        var created = await container.CreateItemAsync(new Note { Id = "1", Pk = "a", Text = "v1" }, new PartitionKey("a"));
        var replaced = await container.ReplaceItemAsync(new Note { Id = "1", Pk = "a", Text = "v2" }, "1", new PartitionKey("a"));

        var stale = await Assert.ThrowsAsync<CosmosException>(() =>
            container.DeleteItemAsync<Note>("1", new PartitionKey("a"), new ItemRequestOptions { IfMatchEtag = created.ETag }));
        var deleted = await container.DeleteItemAsync<Note>("1", new PartitionKey("a"), new ItemRequestOptions { IfMatchEtag = replaced.ETag });
        var gone = await Assert.ThrowsAsync<CosmosException>(() => container.ReadItemAsync<Note>("1", new PartitionKey("a")));
        var again = await Assert.ThrowsAsync<CosmosException>(() => container.DeleteItemAsync<Note>("1", new PartitionKey("a")));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Patch_SetsAndIncrements()
    {
        var container = await cosmos.NewContainerAsync();
        await container.CreateItemAsync(new Note { Id = "1", Pk = "a", Text = "v1", Rank = 1 }, new PartitionKey("a"));

        var patched = await container.PatchItemAsync<Note>("1", new PartitionKey("a"), [PatchOperation.Set("/text", "v2"), PatchOperation.Increment("/rank", 2)]);

        Assert.Equal("v2", patched.Resource.Text);
        Assert.Equal(3, patched.Resource.Rank);
        Assert.Equal(3, (await container.ReadItemAsync<Note>("1", new PartitionKey("a"))).Resource.Rank);
    }

    [Fact]
    public async Task ReadMany_ReturnsTheItemsThatExist()
    {
        var container = await cosmos.NewContainerAsync();
        await container.CreateItemAsync(new Note { Id = "1", Pk = "a" }, new PartitionKey("a"));
        await container.CreateItemAsync(new Note { Id = "2", Pk = "b" }, new PartitionKey("b"));

        var many = await container.ReadManyItemsAsync<Note>([("1", new PartitionKey("a")), ("2", new PartitionKey("b")), ("3", new PartitionKey("a")), ("2", new PartitionKey("a"))]);

        Assert.Equal(["1", "2"], many.Select(n => n.Id).Order());
    }
}
