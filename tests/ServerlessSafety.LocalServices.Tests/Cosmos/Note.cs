using Newtonsoft.Json;

namespace ServerlessSafety.LocalServices.Tests.Cosmos;

/// <summary>The test document: partition key <c>/pk</c>, an optional per-item TTL, the server's ETag.</summary>
public sealed record Note
{
    [JsonProperty("id")]
    public required string Id { get; init; }

    [JsonProperty("pk")]
    public required string Pk { get; init; }

    [JsonProperty("text")]
    public string Text { get; init; } = "";

    [JsonProperty("rank")]
    public int Rank { get; init; }

    [JsonProperty("ttl", NullValueHandling = NullValueHandling.Ignore)]
    public int? Ttl { get; init; }

    [JsonProperty("_etag", NullValueHandling = NullValueHandling.Ignore)]
    public string? ETag { get; init; }
}
