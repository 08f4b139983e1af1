using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace ServerlessSafety.Cli;

/// <summary>
/// The settings the commands run with: the <c>Values</c> of a <c>local.settings.json</c> (by default the one
/// <c>scripts/run</c> writes, <c>.local/local.settings.json</c>), then user secrets (the CyberTipline credentials
/// locally), then environment variables (<c>Ncmec__BaseUrl</c>, <c>CosmosDb</c>, ...), later ones winning.
/// </summary>
internal static class CliSettings
{
    /// <summary>The environment variable naming the settings file; <c>scripts/safety</c> sets it.</summary>
    public const string SettingsFileVariable = "SAFETY_SETTINGS_FILE";

    private const long MaxSettingsBytes = 1024 * 1024;

    public static IConfiguration Load(string? settingsFile)
    {
        var builder = new ConfigurationBuilder();
        var path = settingsFile ?? Environment.GetEnvironmentVariable(SettingsFileVariable);
        if (path is not null && File.Exists(path))
        {
            builder.AddInMemoryCollection(ReadValues(path));
        }
        else if (settingsFile is not null)
        {
            throw new FileNotFoundException($"The settings file {settingsFile} does not exist.");
        }

        return builder
            .AddUserSecrets(typeof(CliSettings).Assembly, optional: true)
            .AddEnvironmentVariables()
            .Build();
    }

    private static Dictionary<string, string?> ReadValues(string path)
    {
        if (new FileInfo(path).Length > MaxSettingsBytes)
        {
            throw new InvalidDataException($"{path} is larger than {MaxSettingsBytes} bytes.");
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var section) && section.ValueKind == JsonValueKind.Object)
        {
            foreach (var value in section.EnumerateObject())
            {
                // Functions settings spell sections with "__"; configuration keys use ":".
                values[value.Name.Replace("__", ":", StringComparison.Ordinal)] = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : value.Value.GetRawText();
            }
        }

        return values;
    }
}
