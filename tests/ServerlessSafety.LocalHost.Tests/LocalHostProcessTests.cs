using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessSafety.LocalHost.Tests;

/// <summary>The local host as scripts/run starts it: its own process, running ServerlessSafety's function app.</summary>
public sealed class LocalHostProcessTests : IClassFixture<LocalServicesFixture>
{
    private const int SigTerm = 15;
    private readonly LocalServicesFixture _services;

    public LocalHostProcessTests(LocalServicesFixture services)
    {
        _services = services;
    }

    // The host's build beside this test's, in the same configuration (bin/<Configuration>/net10.0).
    private static string HostDll => Path.Combine(
        RepositoryRoot.Path, "functions", "ServerlessSafety.LocalHost", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "ServerlessSafety.LocalHost.dll");

    [SkippableFact]
    public async Task Process_ServesHealth_AndStopsGracefullyOnSigterm()
    {
        var missing = _services.Missing("CosmosDb");
        Skip.If(missing is not null, missing);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(HostDll);
        foreach (var (key, value) in Settings(port))
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            var status = await Eventually.HoldsAsync(() => HealthAsync(http, process), s => s is HttpStatusCode.OK || process.HasExited, TimeSpan.FromSeconds(50), "GET /api/health to answer 200");
            Assert.True(status == HttpStatusCode.OK, "The host exited before it was healthy:\n" + Text(output));

            Assert.Equal(0, Kill(process.Id, SigTerm));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.True(process.ExitCode == 0, $"Exit code {process.ExitCode} after SIGTERM:\n{Text(output)}");
            Assert.Contains("Local host stopped", Text(output), StringComparison.Ordinal);
            Assert.Contains("HealthCheck: httpTrigger [GET] http://127.0.0.1:" + port + "/api/health (Anonymous)", Text(output), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private Dictionary<string, string> Settings(int port)
    {
        string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        return new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = _services.Storage,
            ["Uploads"] = _services.Settings["Uploads"],
            ["CosmosDb"] = _services.Settings["CosmosDb"],
            // Without the emulator the Service Bus triggers start against nothing and keep retrying, as in Azure.
            ["ServiceBus"] = _services.Settings.GetValueOrDefault("ServiceBus") ?? "Endpoint=sb://127.0.0.1:9;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=dGVzdA==;UseDevelopmentEmulator=true;",
            ["TASKHUB_NAME"] = "proc" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
            ["Reports__StatusTokenKey"] = Secret(),
            ["Notices__WebhookSecret"] = Secret(),
            ["Enforcement__Webhook__SigningSecret"] = Secret(),
            ["Notices__UseDevelopmentMailbox"] = "true",
            ["LocalHost__FunctionKey"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["LocalHost__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LocalHost__SettingsFile"] = Path.Combine(Path.GetTempPath(), "absent-" + Guid.NewGuid().ToString("N") + ".json"),
        };
    }

    private static async Task<HttpStatusCode?> HealthAsync(HttpClient http, Process process)
    {
        if (process.HasExited)
        {
            return null;
        }

        try
        {
            using var response = await http.GetAsync("/api/health");
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Process offers no SIGTERM; Kill() is SIGKILL, which would prove nothing about a graceful stop.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
