using Microsoft.Azure.Cosmos;
using Xunit;

namespace ServerlessSafety.LocalServices.Tests.Cosmos;

/// <summary>One local Cosmos server per test run, on a free port and a temporary data dir, with one client.</summary>
public sealed class LocalCosmosFixture : IAsyncLifetime
{
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "serverlesssafety-cosmos-tests-" + Guid.NewGuid().ToString("N"));

    public CosmosServerProcess Server { get; private set; } = null!;

    public CosmosClient Client { get; private set; } = null!;

    public Database Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await CosmosServerProcess.StartAsync(DataDir);
        Client = new CosmosClient(Server.ConnectionString, LocalCosmosClientOptions.Create());
        Database = (await Client.CreateDatabaseIfNotExistsAsync("tests")).Database;
    }

    /// <summary>A new container with a unique name, partitioned by <c>/pk</c>.</summary>
    public async Task<Container> NewContainerAsync(int? defaultTtl = null)
    {
        var properties = new ContainerProperties("c" + Guid.NewGuid().ToString("N"), "/pk") { DefaultTimeToLive = defaultTtl };
        return (await Database.CreateContainerIfNotExistsAsync(properties)).Container;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        if (Directory.Exists(DataDir))
        {
            Directory.Delete(DataDir, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LocalCosmosCollection : ICollectionFixture<LocalCosmosFixture>
{
    public const string Name = "local cosmos";
}
