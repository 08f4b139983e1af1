using System.Text.Json;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Evidence;

namespace ServerlessSafety.Cli;

/// <summary>Reads a case from a JSON file in the case store's shape (camelCase, enums as strings).</summary>
internal static class CaseFileReader
{
    public const long MaxBytes = 4 * 1024 * 1024;

    /// <summary>The case, or null with <paramref name="error"/> (which never quotes the file's content).</summary>
    public static SafetyCase? Read(string path, out string? error)
    {
        error = null;
        if (!File.Exists(path))
        {
            error = $"{path} does not exist.";
            return null;
        }

        if (new FileInfo(path).Length > MaxBytes)
        {
            error = $"{path} is larger than {MaxBytes / (1024 * 1024)} MiB.";
            return null;
        }

        try
        {
            var safetyCase = JsonSerializer.Deserialize<SafetyCase>(File.ReadAllBytes(path), EvidenceJson.Options);
            if (safetyCase is null)
            {
                error = $"{path} holds no case.";
            }

            return safetyCase;
        }
        catch (JsonException e)
        {
            // The path and line locate the problem; the message could echo values, so it is left out.
            error = $"{path} is not a case: invalid at {e.Path ?? "$"} (line {e.LineNumber + 1}).";
            return null;
        }
    }
}
