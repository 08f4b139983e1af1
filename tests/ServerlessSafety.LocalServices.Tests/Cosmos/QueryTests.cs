using System.Net;
using Microsoft.Azure.Cosmos;
using Xunit;

namespace ServerlessSafety.LocalServices.Tests.Cosmos;

[Collection(LocalCosmosCollection.Name)]
public sealed class QueryTests(LocalCosmosFixture cosmos)
{
    [Fact]
    public async Task Query_WithAPartitionKey_SeesOnlyThatPartition_InOrder_AcrossPages()
    {
        var container = await SeedAsync();
        var query = new QueryDefinition("SELECT * FROM c WHERE c.rank >= @min ORDER BY c.rank DESC").WithParameter("@min", 2);

        var (notes, pages) = await ReadAllAsync(container.GetItemQueryIterator<Note>(query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey("a"), MaxItemCount = 2 }));

        Assert.Equal(["a5", "a4", "a3", "a2"], notes.Select(n => n.Id));
        Assert.True(pages >= 2, $"MaxItemCount 2 over 4 results should take at least two pages, took {pages}");
    }

    [Fact]
    public async Task Query_WithoutAPartitionKey_AnswersTheQueryPlan_AndSpansEveryPartition()
    {
        var container = await SeedAsync();

        var (notes, _) = await ReadAllAsync(container.GetItemQueryIterator<Note>("SELECT * FROM c WHERE c.rank = 1 ORDER BY c.id"));
        var (count, _) = await ReadAllAsync(container.GetItemQueryIterator<int>("SELECT VALUE COUNT(1) FROM c"));
        var (top, _) = await ReadAllAsync(container.GetItemQueryIterator<string>("SELECT TOP 2 VALUE c.id FROM c ORDER BY c.rank DESC"));

        Assert.Equal(["a1", "b1"], notes.Select(n => n.Id));
        Assert.Equal([8], count);
        Assert.Equal(["a5", "a4"], top);
    }

    [Fact]
    public async Task Linq_TranslatesToSqlTheServerRuns()
    {
        var container = await SeedAsync();

        using var iterator = Microsoft.Azure.Cosmos.Linq.CosmosLinqExtensions.ToFeedIterator(
            container.GetItemLinqQueryable<Note>(requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey("b") })
                .Where(n => n.Text == "odd")
                .OrderBy(n => n.Rank));
        var (notes, _) = await ReadAllAsync(iterator);

        Assert.Equal(["b1", "b3"], notes.Select(n => n.Id));
    }

    [Theory]
    [InlineData("SELECT * FROM c OFFSET 1 LIMIT 2", "OFFSET/LIMIT", null)]
    [InlineData("SELECT DISTINCT VALUE c.text FROM c", "SELECT DISTINCT", null)]
    [InlineData("SELECT c.pk, COUNT(1) AS n FROM c GROUP BY c.pk", "GROUP BY", null)]
    [InlineData("SELECT * FROM c OFFSET 1 LIMIT 2", "OFFSET/LIMIT", "a")]
    [InlineData("SELECT DISTINCT c.text FROM c", "SELECT DISTINCT", "a")]
    public async Task Query_WithAClauseTheServerCannotRun_IsRefusedNamingIt(string sql, string clause, string? partitionKey)
    {
        var container = await SeedAsync();
        var options = partitionKey is null ? null : new QueryRequestOptions { PartitionKey = new PartitionKey(partitionKey) };

        var error = await Assert.ThrowsAsync<CosmosException>(() => ReadAllAsync(container.GetItemQueryIterator<Note>(sql, requestOptions: options)));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains($"{clause} is not supported by the local Cosmos DB server", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_WithDistinctOrOffsetInsideAString_IsNotMistakenForTheClause()
    {
        var container = await SeedAsync();
        await container.CreateItemAsync(new Note { Id = "s", Pk = "a", Text = "select distinct offset 1 limit 2 group by" }, new PartitionKey("a"));

        var (notes, _) = await ReadAllAsync(container.GetItemQueryIterator<Note>(
            "SELECT * FROM c WHERE c.text = 'select distinct offset 1 limit 2 group by'",
            requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey("a") }));

        Assert.Equal(["s"], notes.Select(n => n.Id));
    }

    [Fact]
    public async Task Query_WithASyntaxError_Answers400()
    {
        var container = await SeedAsync();

        var error = await Assert.ThrowsAsync<CosmosException>(() => ReadAllAsync(container.GetItemQueryIterator<Note>("SELEC * FROM c")));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task TransactionalBatch_IsRefusedWithAClearMessage_AndWritesNothing()
    {
        var container = await cosmos.NewContainerAsync();

        using var response = await container.CreateTransactionalBatch(new PartitionKey("a"))
            .CreateItem(new Note { Id = "1", Pk = "a" })
            .CreateItem(new Note { Id = "2", Pk = "a" })
            .ExecuteAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("TransactionalBatch", response.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty((await ReadAllAsync(container.GetItemQueryIterator<Note>("SELECT * FROM c"))).Items);
    }

    private async Task<Container> SeedAsync()
    {
        var container = await cosmos.NewContainerAsync();
        foreach (var pk in new[] { "a", "b" })
        {
            var count = pk == "a" ? 5 : 3;
            for (var rank = 1; rank <= count; rank++)
            {
                await container.CreateItemAsync(new Note { Id = pk + rank, Pk = pk, Rank = rank, Text = rank % 2 == 0 ? "even" : "odd" }, new PartitionKey(pk));
            }
        }

        return container;
    }

    private static async Task<(List<T> Items, int Pages)> ReadAllAsync<T>(FeedIterator<T> iterator)
    {
        using (iterator)
        {
            var items = new List<T>();
            var pages = 0;
            while (iterator.HasMoreResults)
            {
                var page = await iterator.ReadNextAsync();
                items.AddRange(page);
                pages++;
            }

            return (items, pages);
        }
    }
}
