using System.Net;
using Microsoft.Azure.Cosmos;
using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Storage.Cosmos;

/// <summary>Cases in the Cosmos DB container <c>cases</c>, partitioned by case id, written under ETag checks; its change feed feeds the moderators' views.</summary>
public sealed class CosmosCaseStore : ICaseStore, ICaseChangeFeed
{
    /// <summary>The container name in <c>config/cosmos.json</c>.</summary>
    public const string ContainerName = "cases";

    private readonly Container _container;

    /// <summary>Creates the store over the declared containers.</summary>
    public CosmosCaseStore(CosmosContainers containers)
    {
        _container = containers.Get(ContainerName);
    }

    /// <inheritdoc />
    public Task<bool> TryCreateAsync(SafetyCase safetyCase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(safetyCase);
        return _container.TryCreateAsync(safetyCase, safetyCase.Id, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SafetyCase?> GetAsync(string caseId, CancellationToken cancellationToken = default)
        => await _container.TryReadAsync<SafetyCase>(caseId, cancellationToken);

    /// <inheritdoc />
    public Task<SafetyCase?> UpdateAsync(string caseId, Func<SafetyCase, SafetyCase> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return _container.ChangeAsync<SafetyCase>(
            caseId,
            held =>
            {
                // A missing case stays missing; an unchanged one is not written; a changed one is one revision later.
                if (held is null)
                {
                    return null;
                }

                var next = change(held);
                return next == held ? null : next with { Revision = held.Revision + 1 };
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<CaseChanges> ReadChangesAsync(string? checkpoint, int maxCases, CancellationToken cancellationToken = default)
    {
        var start = checkpoint is null ? ChangeFeedStartFrom.Beginning() : ChangeFeedStartFrom.ContinuationToken(checkpoint);
        using var iterator = _container.GetChangeFeedIterator<SafetyCase>(start, ChangeFeedMode.LatestVersion, new ChangeFeedRequestOptions { PageSizeHint = maxCases });
        var response = await iterator.ReadNextAsync(cancellationToken);
        return new CaseChanges(response.StatusCode == HttpStatusCode.NotModified ? [] : response.ToList(), response.ContinuationToken);
    }
}
