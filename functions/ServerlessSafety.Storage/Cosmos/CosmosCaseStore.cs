using System.Net;
using Microsoft.Azure.Cosmos;
using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Storage.Cosmos;

/// <summary>Cases in the Cosmos DB container <c>cases</c>, partitioned by case id, written under ETag checks; its change feed feeds the moderators' views.</summary>
public sealed class CosmosCaseStore : ICaseStore, ICaseChangeFeed
{
    /// <summary>The container name in <c>config/cosmos.json</c>.</summary>
    public const string ContainerName = "cases";

    private const int MaxConflictRetries = 20;

    private readonly Container _container;

    /// <summary>Creates the store over the declared containers.</summary>
    public CosmosCaseStore(CosmosContainers containers)
    {
        _container = containers.Get(ContainerName);
    }

    /// <inheritdoc />
    public async Task<bool> TryCreateAsync(SafetyCase safetyCase, CancellationToken cancellationToken = default)
    {
        try
        {
            await _container.CreateItemAsync(safetyCase, new PartitionKey(safetyCase.Id), cancellationToken: cancellationToken);
            return true;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<SafetyCase?> GetAsync(string caseId, CancellationToken cancellationToken = default)
        => (await ReadAsync(caseId, cancellationToken))?.Resource;

    /// <inheritdoc />
    public async Task<SafetyCase?> UpdateAsync(string caseId, Func<SafetyCase, SafetyCase> change, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxConflictRetries; attempt++)
        {
            var current = await ReadAsync(caseId, cancellationToken);
            if (current is null)
            {
                return null;
            }

            var next = change(current.Resource);
            if (next == current.Resource)
            {
                return next;
            }

            next = next with { Revision = current.Resource.Revision + 1 };

            try
            {
                await _container.ReplaceItemAsync(next, caseId, new PartitionKey(caseId), new ItemRequestOptions { IfMatchEtag = current.ETag }, cancellationToken);
                return next;
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                // Someone else changed the case: reread and apply the change to their version.
            }
        }

        throw new InvalidOperationException($"Case {caseId} kept changing under {MaxConflictRetries} attempts to update it.");
    }

    /// <inheritdoc />
    public async Task<CaseChanges> ReadChangesAsync(string? checkpoint, int maxCases, CancellationToken cancellationToken = default)
    {
        var start = checkpoint is null ? ChangeFeedStartFrom.Beginning() : ChangeFeedStartFrom.ContinuationToken(checkpoint);
        using var iterator = _container.GetChangeFeedIterator<SafetyCase>(start, ChangeFeedMode.LatestVersion, new ChangeFeedRequestOptions { PageSizeHint = maxCases });
        var response = await iterator.ReadNextAsync(cancellationToken);
        return new CaseChanges(response.StatusCode == HttpStatusCode.NotModified ? [] : response.ToList(), response.ContinuationToken);
    }

    private async Task<ItemResponse<SafetyCase>?> ReadAsync(string caseId, CancellationToken cancellationToken)
    {
        try
        {
            return await _container.ReadItemAsync<SafetyCase>(caseId, new PartitionKey(caseId), cancellationToken: cancellationToken);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
