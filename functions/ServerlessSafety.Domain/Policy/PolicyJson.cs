using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace ServerlessSafety.Domain.Policy;

/// <summary>The policy as JSON (<c>GET /api/policy?format=json</c>): camelCase, enums as camelCase strings, durations in ISO 8601.</summary>
public static class PolicyJson
{
    /// <summary>The serializer options for the policy document.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new IsoDurationConverter() },
        DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>The policy as UTF-8 JSON.</summary>
    public static byte[] Serialize(SafetyPolicy policy) => JsonSerializer.SerializeToUtf8Bytes(policy, Options);

    private sealed class IsoDurationConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => XmlConvert.ToTimeSpan(reader.GetString() ?? throw new JsonException("A duration is required."));

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
            => writer.WriteStringValue(XmlConvert.ToString(value));
    }
}
