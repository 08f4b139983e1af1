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

    /// <summary>Runs a query and gathers at most <paramref name="limit"/> results.</summary>
    public static async Task<IReadOnlyList<T>> QueryAsync<T>(this Container container, QueryDefinition query, int limit, CancellationToken cancellationToken)
    {
        var results = new List<T>();
        using var feed = container.GetItemQueryIterator<T>(query, requestOptions: new QueryRequestOptions { MaxItemCount = Math.Min(limit, 1000) });
        while (feed.HasMoreResults && results.Count < limit)
        {
            results.AddRange(await feed.ReadNextAsync(cancellationToken));
        }

        return results.Take(limit).ToList();
    }
}
