using System.Net;
using Microsoft.Azure.Cosmos;
using ServerlessSafety.Domain.Screening;

namespace ServerlessSafety.Storage.Cosmos.Screening;

/// <summary>Screening records in Cosmos DB container <c>screenings</c> (partition key <c>/id</c>), one per upload.</summary>
public sealed class CosmosScreeningStore : IScreeningStore
{
    /// <summary>The container name in <c>config/cosmos.json</c>.</summary>
    public const string ContainerName = "screenings";

    private readonly Container _container;

    /// <summary>Creates the store over the declared containers.</summary>
    public CosmosScreeningStore(CosmosContainers containers)
    {
        _container = containers.Get(ContainerName);
    }

    /// <inheritdoc />
    public async Task<ScreeningRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await _container.ReadItemAsync<ScreeningRecord>(id, new PartitionKey(id), cancellationToken: cancellationToken)).Resource;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(ScreeningRecord record, CancellationToken cancellationToken = default)
        => _container.UpsertItemAsync(record, new PartitionKey(record.Id), cancellationToken: cancellationToken);
}
