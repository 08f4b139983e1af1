using System.Globalization;
using System.Text.Json;
using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Banks.Import;

/// <summary>Field access shared by the list formats: case-insensitive names, bounded values.</summary>
internal static class HashListFields
{
    // Metadata is kept on every membership; a list cannot make a hash document grow without bound.
    public const int MaxMetadataValueLength = 256;

    public static JsonElement? Property(JsonElement record, string name)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in record.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    public static string? Text(JsonElement record, string name) => Property(record, name) switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => null,
    };

    public static string? Text(IReadOnlyDictionary<string, string> row, string name)
        => row.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public static int? Quality(string? text, out string? problem)
    {
        problem = null;
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var quality) && quality <= 100)
        {
            return quality;
        }

        problem = "quality must be a whole number from 0 to 100";
        return null;
    }

    public static ContentHash? Hash(string signalType, string? value, int? quality, out string? problem)
    {
        var normalized = BankSignalTypes.Normalize(signalType, value, out problem);
        return normalized is null ? null : new ContentHash(signalType, normalized, signalType == BankSignalTypes.Pdq ? quality : null);
    }

    public static void Put(Dictionary<string, string> metadata, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            metadata[key] = value.Length <= MaxMetadataValueLength ? value : value[..MaxMetadataValueLength];
        }
    }
}
