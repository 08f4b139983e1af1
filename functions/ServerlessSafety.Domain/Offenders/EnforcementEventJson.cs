using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessSafety.Domain.Offenders;

/// <summary>The JSON of an enforcement event as the platform receives it: camelCase, enums as camelCase strings.</summary>
public static class EnforcementEventJson
{
    /// <summary>The serializer options.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The event as UTF-8 JSON.</summary>
    public static byte[] Serialize(EnforcementEvent enforcementEvent) => JsonSerializer.SerializeToUtf8Bytes(enforcementEvent, Options);
}
