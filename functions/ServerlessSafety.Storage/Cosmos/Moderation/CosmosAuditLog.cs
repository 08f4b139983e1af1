using System.Globalization;
using Microsoft.Azure.Cosmos;
using ServerlessSafety.Domain.Moderation.Audit;

namespace ServerlessSafety.Storage.Cosmos.Moderation;

/// <summary>
/// The audit log in the Cosmos DB container <c>audit</c>, partitioned by case: entries are only ever created, and in
/// Azure the app's identity holds a role on this container that allows nothing else.
/// </summary>
public sealed class CosmosAuditLog : IAuditLog
{
    /// <summary>The container name in <c>config/cosmos.json</c>.</summary>
    public const string ContainerName = "audit";

    private readonly Container _container;

    /// <summary>Creates the log over the declared containers.</summary>
    public CosmosAuditLog(CosmosContainers containers)
    {
        _container = containers.Get(ContainerName);
    }

    /// <inheritdoc />
    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _container.CreateItemAsync(entry, new PartitionKey(entry.CaseId), cancellationToken: cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit);
        var where = (query.CaseId is null ? "true" : "a.caseId = @caseId") + (query.ModeratorId is null ? string.Empty : " AND a.moderatorId = @moderatorId");
        var definition = new QueryDefinition($"SELECT TOP {limit.ToString(CultureInfo.InvariantCulture)} * FROM a WHERE {where} ORDER BY a.at DESC");
        if (query.CaseId is not null)
        {
            definition = definition.WithParameter("@caseId", query.CaseId);
        }

        if (query.ModeratorId is not null)
        {
            definition = definition.WithParameter("@moderatorId", query.ModeratorId);
        }

        return _container.QueryAsync<AuditEntry>(definition, limit, cancellationToken, partition: query.CaseId);
    }
}
