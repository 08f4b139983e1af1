using System.Net;
using Microsoft.Azure.Cosmos;

namespace ServerlessSafety.Storage.Cosmos;

/// <summary>Point operations on containers partitioned by <c>/id</c>, with the status codes turned into values.</summary>
public static class CosmosDocuments
{
    /// <summary>Creates <paramref name="document"/>; false when one with its id exists.</summary>
    public static async Task<bool> TryCreateAsync<T>(this Container container, T document, string id, CancellationToken cancellationToken)
    {
        try
        {
            await container.CreateItemAsync(document, new PartitionKey(id), cancellationToken: cancellationToken);
            return true;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    /// <summary>Reads the document <paramref name="id"/>, or default when there is none.</summary>
    public static async Task<T?> TryReadAsync<T>(this Container container, string id, CancellationToken cancellationToken)
    {
        try
        {
            return (await container.ReadItemAsync<T>(id, new PartitionKey(id), cancellationToken: cancellationToken)).Resource;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return default;
        }
    }

    /// <summary>
    /// Runs a query and gathers at most <paramref name="limit"/> results; within one partition when
    /// <paramref name="partition"/> is given, across all of them otherwise.
    /// </summary>
    public static async Task<IReadOnlyList<T>> QueryAsync<T>(this Container container, QueryDefinition query, int limit, CancellationToken cancellationToken, string? partition = null)
    {
        var results = new List<T>();
        var options = new QueryRequestOptions { MaxItemCount = Math.Min(limit, 1000), PartitionKey = partition is null ? null : new PartitionKey(partition) };
        using var feed = container.GetItemQueryIterator<T>(query, requestOptions: options);
        while (feed.HasMoreResults && results.Count < limit)
        {
            results.AddRange(await feed.ReadNextAsync(cancellationToken));
        }

        return results.Take(limit).ToList();
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the document <paramref name="id"/> (default when there is none) and writes
    /// the result under an ETag check, rereading on a conflict; a change that answers null, or the same value, writes
    /// nothing. Returns what is stored afterwards.
    /// </summary>
    public static async Task<T?> ChangeAsync<T>(this Container container, string id, Func<T?, T?> change, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < MaxConflictRetries; attempt++)
        {
            ItemResponse<T>? current = null;
            try
            {
                current = await container.ReadItemAsync<T>(id, new PartitionKey(id), cancellationToken: cancellationToken);
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
            }

            var next = change(current?.Resource);
            if (next is null || Equals(next, current?.Resource))
            {
                return current?.Resource;
            }

            try
            {
                if (current is null)
                {
                    await container.CreateItemAsync(next, new PartitionKey(id), cancellationToken: cancellationToken);
                }
                else
                {
                    await container.ReplaceItemAsync(next, id, new PartitionKey(id), new ItemRequestOptions { IfMatchEtag = current.ETag }, cancellationToken);
                }

                return next;
            }
            catch (CosmosException e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict)
            {
                // Someone else wrote it first: reread and apply the change to their version.
            }
        }

        throw new InvalidOperationException($"A document of {container.Id} kept changing under {MaxConflictRetries} attempts to update it.");
    }

    private const int MaxConflictRetries = 20;
}
