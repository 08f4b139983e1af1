using System.Net;
using Microsoft.Azure.Cosmos;
using ServerlessSafety.Domain.Banks;
using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Storage.Cosmos.Banks;

/// <summary>
/// The hash bank in Cosmos DB container <c>hashes</c> (partition key <c>/id</c>): one document per hash value,
/// changed under ETag checks, read back in order through the change feed.
/// </summary>
/// <remarks>
/// The change feed is read with <see cref="Container.GetChangeFeedIterator{T}(ChangeFeedStartFrom, ChangeFeedMode, ChangeFeedRequestOptions)"/>
/// from the caller's checkpoint: every instance keeps its own position and no lease container is needed, since
/// every instance must see every change (each holds a full copy of the PDQ index).
/// </remarks>
public sealed class CosmosBankStore : IBankStore, IBankChangeFeed
{
    /// <summary>The container name in <c>config/cosmos.json</c>.</summary>
    public const string ContainerName = "hashes";

    private const int MaxConflictRetries = 20;
    private const int ChangeFeedPageSize = 1000;

    private readonly Container _container;
    private readonly TimeProvider _time;

    /// <summary>Creates the store over the declared containers.</summary>
    public CosmosBankStore(CosmosContainers containers, TimeProvider time)
    {
        _container = containers.Get(ContainerName);
        _time = time;
    }

    /// <inheritdoc />
    public async Task<BankedHash?> GetAsync(string signalType, string value, CancellationToken cancellationToken = default)
        => (await ReadAsync(BankedHash.IdFor(signalType, value), cancellationToken))?.Resource;

    /// <inheritdoc />
    public Task<BankedHashChange> AddAsync(ContentHash hash, BankMembership membership, CancellationToken cancellationToken = default)
        => ChangeAsync(hash, current =>
        {
            var before = current?.Memberships.FirstOrDefault(m => m.Bank == membership.Bank && m.Source == membership.Source);
            if (before is not null && current is { Withdrawn: false } && before.ClaimsTheSameAs(membership))
            {
                return null;
            }

            var start = current ?? new BankedHash
            {
                Id = BankedHash.IdFor(hash.SignalType, hash.Value),
                SignalType = hash.SignalType,
                Value = hash.Value,
                UpdatedAt = _time.GetUtcNow(),
            };
            return (start.WithMembership(membership, _time.GetUtcNow()), BankedHashChange.Added);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<BankedHashChange> RemoveAsync(ContentHash hash, string bank, string? source = null, CancellationToken cancellationToken = default)
        => ChangeAsync(hash, current =>
            current is null || !current.Memberships.Any(m => m.Bank == bank && (source is null || m.Source == source))
                ? null
                : (current.WithoutMembership(bank, source, _time.GetUtcNow()), BankedHashChange.Withdrawn),
            cancellationToken);

    /// <inheritdoc />
    public async Task<BankChangePage> ReadChangesAsync(string? checkpoint, CancellationToken cancellationToken = default)
    {
        var start = checkpoint is null ? ChangeFeedStartFrom.Beginning() : ChangeFeedStartFrom.ContinuationToken(checkpoint);
        var iterator = _container.GetChangeFeedIterator<BankedHash>(start, ChangeFeedMode.LatestVersion, new ChangeFeedRequestOptions { PageSizeHint = ChangeFeedPageSize });
        var response = await iterator.ReadNextAsync(cancellationToken);
        var caughtUp = response.StatusCode == HttpStatusCode.NotModified;
        var changes = caughtUp ? [] : response.ToList();
        return new BankChangePage(changes, response.ContinuationToken, caughtUp);
    }

    private async Task<BankedHashChange> ChangeAsync(ContentHash hash, Func<BankedHash?, (BankedHash Next, BankedHashChange Change)?> change, CancellationToken cancellationToken)
    {
        var id = BankedHash.IdFor(hash.SignalType, hash.Value);
        for (var attempt = 0; attempt < MaxConflictRetries; attempt++)
        {
            var current = await ReadAsync(id, cancellationToken);
            if (change(current?.Resource) is not { } outcome)
            {
                return BankedHashChange.Unchanged;
            }

            try
            {
                if (current is null)
                {
                    await _container.CreateItemAsync(outcome.Next, new PartitionKey(id), cancellationToken: cancellationToken);
                }
                else
                {
                    await _container.ReplaceItemAsync(outcome.Next, id, new PartitionKey(id), new ItemRequestOptions { IfMatchEtag = current.ETag }, cancellationToken);
                }

                return outcome.Change;
            }
            catch (CosmosException e) when (e.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed)
            {
                // Another writer got there first: reread and apply the change to their version.
            }
        }

        throw new InvalidOperationException($"Bank hash {hash.SignalType}:{hash.Value[..Math.Min(8, hash.Value.Length)]}... kept changing under {MaxConflictRetries} attempts.");
    }

    private async Task<ItemResponse<BankedHash>?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await _container.ReadItemAsync<BankedHash>(id, new PartitionKey(id), cancellationToken: cancellationToken);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
