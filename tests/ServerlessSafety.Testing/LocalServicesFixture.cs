using System.Diagnostics;

namespace ServerlessSafety.Testing;

/// <summary>
/// The local services, started once per test run by <c>scripts/services up</c> (which starts nothing that already
/// runs), with the connection settings it printed. Use it as a collection or class fixture.
/// </summary>
public sealed class LocalServicesFixture
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, string>>> Started = new(StartAsync);

    /// <summary>The <c>KEY=VALUE</c> lines of <c>scripts/services up</c>: AzureWebJobsStorage, Uploads, CosmosDb, ServiceBus.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; } = Started.Value.GetAwaiter().GetResult();

    public string Storage => Settings["AzureWebJobsStorage"];

    /// <summary>Why a test needing <paramref name="key"/> cannot run here, or null when the service is up.</summary>
    public string? Missing(string key)
        => Settings.ContainsKey(key) ? null : $"The local service behind '{key}' is not available in this checkout (scripts/services up did not print it).";

    private static async Task<IReadOnlyDictionary<string, string>> StartAsync()
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Tests run on a finished build; a fixture that built a project mid-run would race the test runner for it.
        start.Environment["SERVICES_SKIP_BUILD"] = "1";
        start.ArgumentList.Add("scripts/services");
        start.ArgumentList.Add("up");
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/services up failed ({process.ExitCode}):\n{await errors}");
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1]);
    }
}
