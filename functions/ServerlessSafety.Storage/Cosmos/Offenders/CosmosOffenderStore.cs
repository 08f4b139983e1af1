using System.Net;
using Microsoft.Azure.Cosmos;
using ServerlessSafety.Domain.Offenders;

namespace ServerlessSafety.Storage.Cosmos.Offenders;

/// <summary>Offender records in the Cosmos DB container <c>offenders</c>, partitioned by record id, written under ETag checks.</summary>
public sealed class CosmosOffenderStore : IOffenderStore
{
    /// <summary>The container name in <c>config/cosmos.json</c>.</summary>
    public const string ContainerName = "offenders";

    private const int MaxConflictRetries = 20;

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
    {
        var id = OffenderRecord.IdFor(account);
        for (var attempt = 0; attempt < MaxConflictRetries; attempt++)
        {
            ItemResponse<OffenderRecord>? current = null;
            try
            {
                current = await _container.ReadItemAsync<OffenderRecord>(id, new PartitionKey(id), cancellationToken: cancellationToken);
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                var created = change(OffenderRecord.For(account));
                if (await _container.TryCreateAsync(created, id, cancellationToken))
                {
                    return created;
                }

                continue;
            }

            var next = change(current.Resource);
            if (next == current.Resource)
            {
                return next;
            }

            try
            {
                await _container.ReplaceItemAsync(next, id, new PartitionKey(id), new ItemRequestOptions { IfMatchEtag = current.ETag }, cancellationToken);
                return next;
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                // Someone else changed the record: reread and apply the change to their version.
            }
        }

        throw new InvalidOperationException($"Offender record {id[..12]} kept changing under {MaxConflictRetries} attempts to update it.");
    }
}
