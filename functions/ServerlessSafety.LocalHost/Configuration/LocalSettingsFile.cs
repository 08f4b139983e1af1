using System.Text.Json;

namespace ServerlessSafety.LocalHost.Configuration;

/// <summary>Reads the <c>Values</c> of a <c>local.settings.json</c> as configuration keys.</summary>
internal static class LocalSettingsFile
{
    /// <summary>The values, with <c>__</c> turned into <c>:</c> as the Functions host does with environment variables.</summary>
    public static IReadOnlyDictionary<string, string?> ReadValues(string path)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            return values;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (document.RootElement.TryGetProperty("Values", out var section) && section.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in section.EnumerateObject())
            {
                values[property.Name.Replace("__", ":", StringComparison.Ordinal)] =
                    property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
            }
        }

        return values;
    }
}
