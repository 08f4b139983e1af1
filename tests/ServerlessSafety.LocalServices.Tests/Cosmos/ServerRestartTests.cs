using System.Net;
using Microsoft.Azure.Cosmos;
using Xunit;

namespace ServerlessSafety.LocalServices.Tests.Cosmos;

/// <summary>A server of the test's own, stopped and started again on the same data dir.</summary>
public sealed class ServerRestartTests : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "serverlesssafety-cosmos-restart-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Restart_KeepsItemsETagsAndTheChangeFeedPosition()
    {
        string etag;
        string continuation;
        await using (var server = await CosmosServerProcess.StartAsync(_dataDir))
        using (var client = new CosmosClient(server.ConnectionString, LocalCosmosClientOptions.Create()))
        {
            var database = (await client.CreateDatabaseIfNotExistsAsync("kept")).Database;
            var container = (await database.CreateContainerIfNotExistsAsync("notes", "/pk")).Container;
            etag = (await container.CreateItemAsync(new Note { Id = "1", Pk = "a", Text = "before" }, new PartitionKey("a"))).ETag;
            (_, continuation) = await ChangeFeedTests.DrainAsync(container, ChangeFeedStartFrom.Beginning());
            await server.StopAsync();
            Assert.Equal(0, server.ExitCode);
        }

        await using (var server = await CosmosServerProcess.StartAsync(_dataDir))
        using (var client = new CosmosClient(server.ConnectionString, LocalCosmosClientOptions.Create()))
        {
            var container = client.GetContainer("kept", "notes");
            var read = await container.ReadItemAsync<Note>("1", new PartitionKey("a"));
            await container.CreateItemAsync(new Note { Id = "2", Pk = "a", Text = "after" }, new PartitionKey("a"));
            var (changes, _) = await ChangeFeedTests.DrainAsync(container, ChangeFeedStartFrom.ContinuationToken(continuation));

            Assert.Equal("before", read.Resource.Text);
            Assert.Equal(etag, read.ETag);
            Assert.Equal(["2"], changes.Select(n => n.Id));
            Assert.Contains("loaded 1 documents", server.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Requests_ReuseOneKeptAliveConnection()
    {
        await using var server = await CosmosServerProcess.StartAsync(_dataDir);
        var connections = 0;
        var options = LocalCosmosClientOptions.Create();
        options.HttpClientFactory = () => new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            ConnectCallback = async (context, cancellationToken) =>
            {
                Interlocked.Increment(ref connections);
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        });
        using var client = new CosmosClient(server.ConnectionString, options);
        var container = (await (await client.CreateDatabaseIfNotExistsAsync("alive")).Database.CreateContainerIfNotExistsAsync("notes", "/pk")).Container;
        await container.CreateItemAsync(new Note { Id = "1", Pk = "a" }, new PartitionKey("a"));
        var afterSetUp = connections;

        for (var i = 0; i < 30; i++)
        {
            var read = await container.ReadItemAsync<Note>("1", new PartitionKey("a"));
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        // Thirty sequential reads on kept-alive connections open none; without keep-alive each opens its own.
        Assert.Equal(afterSetUp, connections);
    }
}
