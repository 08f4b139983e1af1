using System.Net;
using Microsoft.Azure.Cosmos;
using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Storage.Cosmos;

/// <summary>Cases in the Cosmos DB container <c>cases</c>, partitioned by case id, written under ETag checks.</summary>
public sealed class CosmosCaseStore : ICaseStore
{
    /// <summary>The container name in <c>config/cosmos.json</c>.</summary>
    public const string ContainerName = "cases";

    // Bounds one listing so a flood of open cases cannot exhaust memory; moderators page by priority.
    private const int MaxOpenCasesScanned = 5000;
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
    public async Task<IReadOnlyList<SafetyCase>> ListOpenAsync(int limit, CancellationToken cancellationToken = default)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.status != @resolved").WithParameter("@resolved", "resolved");
        var open = new List<SafetyCase>();
        using var feed = _container.GetItemQueryIterator<SafetyCase>(query, requestOptions: new QueryRequestOptions { MaxItemCount = 500 });
        while (feed.HasMoreResults && open.Count < MaxOpenCasesScanned)
        {
            open.AddRange(await feed.ReadNextAsync(cancellationToken));
        }

        // Ordered here: Cosmos ORDER BY drops items that lack the sort field, and untriaged cases must show.
        return open
            .OrderByDescending(c => c.Triage?.Priority ?? int.MaxValue)
            .ThenBy(c => c.DueBy)
            .Take(limit)
            .ToList();
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
