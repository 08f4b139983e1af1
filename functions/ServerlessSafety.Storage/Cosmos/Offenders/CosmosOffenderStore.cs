using Microsoft.Azure.Cosmos;
using ServerlessSafety.Domain.Offenders;

namespace ServerlessSafety.Storage.Cosmos.Offenders;

/// <summary>Offender records in the Cosmos DB container <c>offenders</c>, partitioned by record id, written under ETag checks.</summary>
public sealed class CosmosOffenderStore : IOffenderStore
{
    /// <summary>The container name in <c>config/cosmos.json</c>.</summary>
    public const string ContainerName = "offenders";

    private readonly Container _container;

    /// <summary>Creates the store over the declared containers.</summary>
    public CosmosOffenderStore(CosmosContainers containers)
    {
        _container = containers.Get(ContainerName);
    }

    /// <inheritdoc />
    public Task<OffenderRecord?> GetAsync(string account, CancellationToken cancellationToken = default)
        => _container.TryReadAsync<OffenderRecord>(OffenderRecord.IdFor(account), cancellationToken);

    /// <inheritdoc />
    public async Task<OffenderRecord> UpdateAsync(string account, Func<OffenderRecord, OffenderRecord> change, CancellationToken cancellationToken = default)
        => (await _container.ChangeAsync<OffenderRecord>(OffenderRecord.IdFor(account), held => change(held ?? OffenderRecord.For(account)), cancellationToken))!;
}
