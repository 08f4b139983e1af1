using Microsoft.Azure.Cosmos;
using ServerlessSafety.Domain.Reports;

namespace ServerlessSafety.Storage.Cosmos.Reports;

/// <summary>Idempotency-Keys in the container <c>idempotency</c>, whose default TTL expires them after a day.</summary>
public sealed class CosmosIdempotencyStore : IIdempotencyStore
{
    private readonly Container _container;

    /// <summary>Creates the store.</summary>
    public CosmosIdempotencyStore(CosmosContainers containers)
    {
        _container = containers.Get("idempotency");
    }

    /// <inheritdoc />
    public async Task<IdempotencyRecord?> TryClaimAsync(IdempotencyRecord record, CancellationToken cancellationToken = default)
    {
        if (await _container.TryCreateAsync(record, record.Id, cancellationToken))
        {
            return null;
        }

        return await _container.TryReadAsync<IdempotencyRecord>(record.Id, cancellationToken)
            ?? throw new InvalidOperationException("An Idempotency-Key record conflicted on create and then vanished; retry the request.");
    }
}
