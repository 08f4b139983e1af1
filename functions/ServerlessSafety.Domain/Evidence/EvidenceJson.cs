using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessSafety.Domain.Evidence;

/// <summary>The JSON of evidence records, manifests and preserved case records: camelCase, enums as strings, indented for people.</summary>
public static class EvidenceJson
{
    /// <summary>The serializer options.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
