using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ServerlessSafety.Infra.Tests;

/// <summary>infra/main.bicep compiled to ARM JSON by the offline compiler, with its nested module templates.</summary>
public static class CompiledTemplate
{
    private static readonly Lazy<JsonObject> Main = new(Compile);

    public static string RepositoryRoot { get; } = FindRoot();

    public static JsonObject Root => Main.Value;

    /// <summary>Every template: main and each module's, as (template, resource) pairs for every resource.</summary>
    public static IEnumerable<(JsonObject Template, JsonObject Resource)> Resources()
    {
        var pending = new Stack<JsonObject>([Root]);
        while (pending.Count > 0)
        {
            var template = pending.Pop();
            foreach (var resource in Enumerate(template["resources"]))
            {
                if ((string?)resource["type"] == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
                {
                    pending.Push(nested);
                }

                yield return (template, resource);
            }
        }
    }

    public static IEnumerable<(JsonObject Template, JsonObject Resource)> OfType(string type)
        => Resources().Where(r => string.Equals((string?)r.Resource["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>A property value with a plain <c>[variables('name')]</c> reference replaced by the variable.</summary>
    public static JsonNode? Resolve(JsonObject template, JsonNode? value)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith("[variables('", StringComparison.Ordinal) && text.EndsWith("')]", StringComparison.Ordinal))
        {
            return template["variables"]?[text["[variables('".Length..^"')]".Length]];
        }

        return value;
    }

    private static IEnumerable<JsonObject> Enumerate(JsonNode? resources) => resources switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };

    private static JsonObject Compile()
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "scripts/bicep", "build", "infra/main.bicep", "--stdout" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit(180_000);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({process.ExitCode}); is the compiler restorable? {errors}");
        }

        return JsonNode.Parse(output.Result)!.AsObject();
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ServerlessSafety.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
