using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessSafety.Domain.Content;
using ServerlessSafety.Domain.DependencyInjection;
using ServerlessSafety.Domain.Pipeline;
using ServerlessSafety.Domain.Screening;
using ServerlessSafety.Domain.Tests.Fakes;
using ServerlessSafety.Storage.Blobs.Banks;
using ServerlessSafety.Storage.Cosmos;
using ServerlessSafety.Storage.Cosmos.Screening;
using ServerlessSafety.Storage.DependencyInjection;
using ServerlessSafety.Testing;

namespace ServerlessSafety.Storage.Tests.Screening;

/// <summary>
/// The screening services wired as the app wires them, over the shared Azurite and local Cosmos DB: a database of
/// its own (deleted at the end) and a snapshot container of its own, so nothing the app uses is touched. The triage
/// queue is recorded, since the Service Bus is not what these tests are about.
/// </summary>
public sealed class ScreeningStorageFixture : IAsyncLifetime
{
    private readonly LocalServicesFixture _services = new();
    private readonly string _declarationPath = Path.Combine(Path.GetTempPath(), $"cosmos-{Guid.NewGuid():N}.json");
    private readonly string _snapshotContainer = "bank-index-test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Why the tests cannot run here, or null.</summary>
    public string? Missing => _services.Missing(AzureSafetyStoresRegistration.CosmosConnection) ?? _services.Missing(AzureSafetyStoresRegistration.UploadsConnection);

    public ServiceProvider Provider { get; private set; } = null!;

    public RecordingWorkQueue Queue { get; } = new();

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    /// <summary>A new provider over the same stores: a second app instance, with its own in-memory index.</summary>
    public ServiceProvider NewInstance(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [AzureSafetyStoresRegistration.CosmosConnection] = _services.Settings[AzureSafetyStoresRegistration.CosmosConnection],
            [AzureSafetyStoresRegistration.UploadsConnection] = _services.Settings[AzureSafetyStoresRegistration.UploadsConnection],
            [AzureSafetyStoresRegistration.ServiceBusConnection] = "Endpoint=sb://127.0.0.1:1;SharedAccessKeyName=unused;SharedAccessKey=dW51c2Vk",
            ["CosmosDb:DeclarationPath"] = _declarationPath,
            ["Policy:Path"] = Path.Combine(AppContext.BaseDirectory, "policy", "safety-policy.yaml"),
            ["HashMatching:RefreshInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<ICaseWorkQueue>(Queue);
        services.AddSingleton<IBankSnapshotStore>(sp => new BlobBankSnapshotStore(sp.GetRequiredService<BlobServiceClient>(), _snapshotContainer));
        services.AddAzureSafetyStores(configuration).AddAzureScreeningStores();
        services.AddSafetyPolicy(configuration).AddUploadScreening(configuration);
        return services.BuildServiceProvider();
    }

    public async Task InitializeAsync()
    {
        if (Missing is not null)
        {
            return;
        }

        var declaration = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "cosmos.json")))!;
        declaration["database"] = "screening-tests-" + Guid.NewGuid().ToString("N")[..12];
        await File.WriteAllTextAsync(_declarationPath, declaration.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Provider = NewInstance();
        await Get<CosmosContainers>().EnsureCreatedAsync();
        foreach (var container in new[] { ContentContainers.Uploads, ContentContainers.Quarantine })
        {
            await Get<BlobServiceClient>().GetBlobContainerClient(container).CreateIfNotExistsAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (Provider is null)
        {
            return;
        }

        var containers = Get<CosmosContainers>();
        await Get<CosmosClient>().GetDatabase(containers.Database).DeleteAsync();
        await Get<BlobServiceClient>().GetBlobContainerClient(_snapshotContainer).DeleteIfExistsAsync();
        await Provider.DisposeAsync();
        File.Delete(_declarationPath);
    }
}

[CollectionDefinition(Name)]
public sealed class ScreeningStorageCollection : ICollectionFixture<ScreeningStorageFixture>
{
    public const string Name = "screening storage";
}
