using Microsoft.Azure.Cosmos;
using ServerlessSafety.Domain.Moderation.Wellness;

namespace ServerlessSafety.Storage.Cosmos.Moderation;

/// <summary>Daily exposure counts in the Cosmos DB container <c>exposure</c>, one document per moderator and UTC day.</summary>
public sealed class CosmosExposureStore : IExposureStore
{
    /// <summary>The container name in <c>config/cosmos.json</c>.</summary>
    public const string ContainerName = "exposure";

    private readonly Container _container;

    /// <summary>Creates the store over the declared containers.</summary>
    public CosmosExposureStore(CosmosContainers containers)
    {
        _container = containers.Get(ContainerName);
    }

    /// <inheritdoc />
    public async Task<ExposureDay> GetAsync(string moderatorId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var empty = ExposureDay.Empty(moderatorId, day);
        return await _container.TryReadAsync<ExposureDay>(empty.Id, cancellationToken) ?? empty;
    }

    /// <inheritdoc />
    public async Task<ExposureDay> AddAsync(string moderatorId, DateOnly day, ExposureKind kind, CancellationToken cancellationToken = default)
    {
        var empty = ExposureDay.Empty(moderatorId, day);
        return (await _container.ChangeAsync<ExposureDay>(empty.Id, held => (held ?? empty).Plus(kind), cancellationToken))!;
    }
}
