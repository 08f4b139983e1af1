using System.Globalization;
using Microsoft.Azure.Cosmos;
using ServerlessSafety.Domain.Moderation.Queue;

namespace ServerlessSafety.Storage.Cosmos.Moderation;

/// <summary>
/// The moderators' queue view in the Cosmos DB container <c>moderation-queue</c>: one small entry per case, kept from
/// the cases' change feed, and the feed's checkpoint. The queue is one indexed query over these entries (the composite
/// index on rank and deadline is declared in <c>config/cosmos.json</c>), never over the cases.
/// </summary>
public sealed class CosmosQueueView : IQueueView
{
    /// <summary>The container name in <c>config/cosmos.json</c>.</summary>
    public const string ContainerName = "moderation-queue";

    // The checkpoint lives beside the entries; it has no isOpen, so queue queries never see it.
    private const string CheckpointId = "change-feed-checkpoint";

    private readonly Container _container;

    /// <summary>Creates the view over the declared containers.</summary>
    public CosmosQueueView(CosmosContainers containers)
    {
        _container = containers.Get(ContainerName);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QueueEntry>> ListOpenAsync(QueueFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = "q.isOpen = true"
            + (filter.Category is null ? string.Empty : " AND q.category = @category")
            + (filter.MinorOnly ? " AND q.involvesMinor = true" : string.Empty)
            + (filter.Account is null ? string.Empty : " AND q.account = @account");

        // TOP takes the bounded limit as a literal: an int, so nothing a user typed reaches the query text.
        var query = new QueryDefinition($"SELECT TOP {filter.Limit.ToString(CultureInfo.InvariantCulture)} * FROM q WHERE {where} ORDER BY q.rank DESC, q.dueBy ASC");
        if (filter.Category is not null)
        {
            query = query.WithParameter("@category", filter.Category);
        }

        if (filter.Account is not null)
        {
            query = query.WithParameter("@account", filter.Account);
        }

        return _container.QueryAsync<QueueEntry>(query, filter.Limit, cancellationToken);
    }

    /// <inheritdoc />
    public Task ApplyAsync(QueueEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _container.ChangeAsync<QueueEntry>(entry.Id, held => held is null || held.Revision < entry.Revision ? entry : null, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string?> ReadCheckpointAsync(CancellationToken cancellationToken = default)
        => (await _container.TryReadAsync<Checkpoint>(CheckpointId, cancellationToken))?.Continuation;

    /// <inheritdoc />
    public Task SaveCheckpointAsync(string checkpoint, CancellationToken cancellationToken = default)
        => _container.UpsertItemAsync(new Checkpoint(CheckpointId, checkpoint), new PartitionKey(CheckpointId), cancellationToken: cancellationToken);

    private sealed record Checkpoint(string Id, string Continuation);
}
