using System.Text.Json;
using System.Xml;

namespace ServerlessSafety.ServiceBusEmulator.Configuration;

/// <summary>
/// Reads the queue declarations file (config/servicebus.json): the one place the queues are declared, read by the
/// Bicep for Azure and by this emulator locally. Durations are ISO 8601, as ARM takes them.
/// </summary>
public static class QueueDeclarations
{
    /// <summary>Parses the declarations; a malformed file fails with the name of the offending queue or property.</summary>
    public static IReadOnlyList<QueueSettings> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("queues", out var queues) || queues.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("The Service Bus declarations need a 'queues' array.");
        }

        var settings = new List<QueueSettings>();
        foreach (var queue in queues.EnumerateArray())
        {
            var name = queue.TryGetProperty("name", out var n) ? n.GetString() : null;
            if (string.IsNullOrWhiteSpace(name) || name.Contains('/', StringComparison.Ordinal) || name.Contains('$', StringComparison.Ordinal))
            {
                throw new FormatException("Every queue needs a 'name' without '/' or '$'.");
            }

            if (settings.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new FormatException($"Queue '{name}' is declared twice.");
            }

            var defaults = new QueueSettings { Name = name };
            settings.Add(defaults with
            {
                LockDuration = Duration(queue, name, "lockDuration") ?? defaults.LockDuration,
                MaxDeliveryCount = Integer(queue, name, "maxDeliveryCount") ?? defaults.MaxDeliveryCount,
                DefaultMessageTimeToLive = Duration(queue, name, "defaultMessageTimeToLive") ?? defaults.DefaultMessageTimeToLive,
                DeadLetteringOnMessageExpiration = Boolean(queue, "deadLetteringOnMessageExpiration") ?? false,
                RequiresDuplicateDetection = Boolean(queue, "requiresDuplicateDetection") ?? false,
                DuplicateDetectionHistoryTimeWindow = Duration(queue, name, "duplicateDetectionHistoryTimeWindow") ?? defaults.DuplicateDetectionHistoryTimeWindow,
                MaxMessageSizeBytes = (Integer(queue, name, "maxMessageSizeInKilobytes") ?? 256) * 1024L,
            });
        }

        return settings;
    }

    /// <summary>Reads and parses the declarations file.</summary>
    public static IReadOnlyList<QueueSettings> Load(string path) => Parse(File.ReadAllText(path));

    private static TimeSpan? Duration(JsonElement queue, string name, string property)
    {
        if (!queue.TryGetProperty(property, out var value))
        {
            return null;
        }

        try
        {
            var duration = XmlConvert.ToTimeSpan(value.GetString() ?? string.Empty);
            return duration > TimeSpan.Zero ? duration : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new FormatException($"Queue '{name}': '{property}' must be a positive ISO 8601 duration such as PT1M.");
        }
    }

    private static int? Integer(JsonElement queue, string name, string property) =>
        !queue.TryGetProperty(property, out var value) ? null
        : value.TryGetInt32(out var number) && number > 0 ? number
        : throw new FormatException($"Queue '{name}': '{property}' must be a positive integer.");

    private static bool? Boolean(JsonElement queue, string property) =>
        queue.TryGetProperty(property, out var value) ? value.GetBoolean() : null;
}
