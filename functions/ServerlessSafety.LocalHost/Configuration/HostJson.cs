using System.Text.Json.Nodes;

namespace ServerlessSafety.LocalHost.Configuration;

/// <summary>The parts of the app's <c>host.json</c> the local host honours, with the Functions host's defaults.</summary>
internal sealed class HostJson
{
    private readonly JsonNode? _root;

    private HostJson(JsonNode? root)
    {
        _root = root;
    }

    /// <summary>Reads the file, or the defaults when it does not exist.</summary>
    public static HostJson Load(string path)
    {
        if (!File.Exists(path))
        {
            return new HostJson(null);
        }

        var options = new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true };
        return new HostJson(JsonNode.Parse(File.ReadAllText(path), documentOptions: options));
    }

    public string RoutePrefix => Text("extensions", "http", "routePrefix") ?? "api";

    public int PoisonBlobThreshold => Number("extensions", "blobs", "poisonBlobThreshold") ?? 5;

    public int BlobMaxDegreeOfParallelism => Number("extensions", "blobs", "maxDegreeOfParallelism") ?? 8;

    public int ServiceBusMaxConcurrentCalls => Number("extensions", "serviceBus", "maxConcurrentCalls") ?? 16 * Environment.ProcessorCount;

    public int ServiceBusPrefetchCount => Number("extensions", "serviceBus", "prefetchCount") ?? 0;

    public TimeSpan ServiceBusMaxAutoLockRenewalDuration => Duration("extensions", "serviceBus", "maxAutoLockRenewalDuration") ?? TimeSpan.FromMinutes(5);

    public string? DurableHubName => Text("extensions", "durableTask", "hubName");

    public int DurablePartitionCount => Number("extensions", "durableTask", "storageProvider", "partitionCount") ?? 4;

    public int DurableMaxConcurrentActivities => Number("extensions", "durableTask", "maxConcurrentActivityFunctions") ?? 10 * Environment.ProcessorCount;

    public int DurableMaxConcurrentOrchestrations => Number("extensions", "durableTask", "maxConcurrentOrchestratorFunctions") ?? 10 * Environment.ProcessorCount;

    /// <summary>
    /// <c>logging.logLevel</c> as configuration keys (<c>Logging:LogLevel:Function</c>), <c>default</c> spelled as
    /// Microsoft.Extensions.Logging spells it.
    /// </summary>
    public IReadOnlyDictionary<string, string?> LogLevels()
    {
        var levels = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (Find(["logging", "logLevel"]) is JsonObject section)
        {
            foreach (var (category, level) in section)
            {
                var name = string.Equals(category, "default", StringComparison.OrdinalIgnoreCase) ? "Default" : category;
                levels["Logging:LogLevel:" + name] = level?.ToString();
            }
        }

        return levels;
    }

    private JsonNode? Find(string[] path)
    {
        var node = _root;
        foreach (var segment in path)
        {
            node = node is JsonObject obj
                ? obj.FirstOrDefault(p => string.Equals(p.Key, segment, StringComparison.OrdinalIgnoreCase)).Value
                : null;
        }

        return node;
    }

    private string? Text(params string[] path) => Find(path) is JsonValue value ? value.ToString() : null;

    private int? Number(params string[] path) => Find(path) is JsonValue value && int.TryParse(value.ToString(), out var n) ? n : null;

    private TimeSpan? Duration(params string[] path)
        => Text(path) is { } text && TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var span) ? span : null;
}
