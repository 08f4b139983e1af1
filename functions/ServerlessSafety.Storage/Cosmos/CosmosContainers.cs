using System.Text.Json;
using Microsoft.Azure.Cosmos;

namespace ServerlessSafety.Storage.Cosmos;

/// <summary>
/// The database and containers declared in <c>config/cosmos.json</c>, the file <c>infra/</c> deploys from.
/// Locally the app creates them at start; in Azure they exist already and the identity may not create them.
/// </summary>
public sealed class CosmosContainers
{
    private readonly CosmosClient _client;
    private readonly CosmosDeclaration _declaration;

    /// <summary>Creates the accessor over a client and the declaration.</summary>
    public CosmosContainers(CosmosClient client, CosmosDeclaration declaration)
    {
        _client = client;
        _declaration = declaration;
    }

    /// <summary>The database name.</summary>
    public string Database => _declaration.Database;

    /// <summary>The container of that name; it must be declared.</summary>
    public Container Get(string name)
    {
        if (!_declaration.Containers.Any(c => c.Name == name))
        {
            throw new InvalidOperationException($"Cosmos container '{name}' is not declared in config/cosmos.json.");
        }

        return _client.GetContainer(_declaration.Database, name);
    }

    /// <summary>Creates the database and every declared container that does not exist yet.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        var database = (await _client.CreateDatabaseIfNotExistsAsync(_declaration.Database, cancellationToken: cancellationToken)).Database;
        foreach (var container in _declaration.Containers)
        {
            var properties = new ContainerProperties(container.Name, container.PartitionKey) { DefaultTimeToLive = container.DefaultTtl };
            foreach (var index in container.CompositeIndexes ?? [])
            {
                var paths = new System.Collections.ObjectModel.Collection<CompositePath>();
                foreach (var path in index)
                {
                    paths.Add(new CompositePath { Path = path.Path, Order = path.Order == "descending" ? CompositePathSortOrder.Descending : CompositePathSortOrder.Ascending });
                }

                properties.IndexingPolicy.CompositeIndexes.Add(paths);
            }

            await database.CreateContainerIfNotExistsAsync(properties, cancellationToken: cancellationToken);
        }
    }
}

/// <summary>The shape of <c>config/cosmos.json</c>.</summary>
/// <param name="Database">Database name.</param>
/// <param name="Containers">Containers with partition key path and default TTL (seconds; null for none).</param>
public sealed record CosmosDeclaration(string Database, IReadOnlyList<CosmosContainerDeclaration> Containers)
{
    /// <summary>Reads the declaration file.</summary>
    public static CosmosDeclaration Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<CosmosDeclaration>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"{path} is empty.");
    }
}

/// <summary>One declared container.</summary>
/// <param name="Name">Container name.</param>
/// <param name="PartitionKey">Partition key path.</param>
/// <param name="DefaultTtl">Default time to live in seconds, or null for none.</param>
/// <param name="CompositeIndexes">Composite indexes (what a multi-field ORDER BY needs), or null for none.</param>
/// <param name="AppendOnly">Whether the app's identity may only create and read there (infra grants it so).</param>
public sealed record CosmosContainerDeclaration(string Name, string PartitionKey, int? DefaultTtl, IReadOnlyList<IReadOnlyList<CompositePathDeclaration>>? CompositeIndexes = null, bool AppendOnly = false);

/// <summary>One path of a composite index.</summary>
/// <param name="Path">The property path, <c>/rank</c>.</param>
/// <param name="Order"><c>ascending</c> or <c>descending</c>.</param>
public sealed record CompositePathDeclaration(string Path, string Order);
