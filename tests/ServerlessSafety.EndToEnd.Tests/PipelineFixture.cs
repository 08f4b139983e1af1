using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Azure.Cosmos;
using ServerlessSafety.Storage.Cosmos;
using ServerlessSafety.Storage.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace ServerlessSafety.EndToEnd.Tests;

/// <summary>
/// The whole pipeline, once per test run: the local services (scripts/services up) and the function app in the
/// local host as its own process, exactly as scripts/run starts it, with a seconds-long SLA.
/// </summary>
public sealed class PipelineFixture : IAsyncLifetime
{
    /// <summary>The SLA of every case in these tests.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(25);

    private Process? _host;
    private readonly System.Text.StringBuilder _hostOutput = new();

    public HttpClient Http { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public string FunctionKey { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public string MasterKey { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public IReadOnlyDictionary<string, string> Services { get; private set; } = new Dictionary<string, string>();

    public CosmosClient Cosmos { get; private set; } = null!;

    public string HostOutput { get { lock (_hostOutput) { return _hostOutput.ToString(); } } }

    /// <summary>Why the pipeline cannot run here, when a local service it needs is missing; tests skip with this reason.</summary>
    public string? Unavailable { get; private set; }

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Path;
        Services = await StartServicesAsync(root);
        if (!Services.ContainsKey("ServiceBus") || !File.Exists(Path.Combine(root, "functions", "ServerlessSafety.LocalHost", "bin", "Release", "net10.0", "ServerlessSafety.LocalHost.dll")) && !File.Exists(Path.Combine(root, "functions", "ServerlessSafety.LocalHost", "bin", "Debug", "net10.0", "ServerlessSafety.LocalHost.dll")))
        {
            Unavailable = "The pipeline needs the local Service Bus emulator and the local host; scripts/services did not provide them (see its output).";
            return;
        }

        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var settings = new Dictionary<string, string>(Services)
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["TASKHUB_NAME"] = "e2e" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
            ["Reports__StatusTokenKey"] = key,
            ["Reports__DeadlineOverride"] = Deadline.ToString(),
            ["Reports__RateLimitPermits"] = "10000",
            ["Notices__WebhookSecret"] = key,
            ["Notices__AllowLoopbackWebhooks"] = "true",
            ["Notices__UseDevelopmentMailbox"] = "true",
            ["LocalHost__FunctionKey"] = FunctionKey,
            ["LocalHost__MasterKey"] = MasterKey,
            ["LocalHost__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LocalHost__DurableMaxPollingInterval"] = "00:00:01",
            ["LocalHost__BlobPollingInterval"] = "00:00:00.500",
            ["Moderation__SignIn"] = "Development",
        };

        var settingsFile = Path.Combine(Path.GetTempPath(), $"serverlesssafety-e2e-{port}.settings.json");
        await File.WriteAllTextAsync(settingsFile, System.Text.Json.JsonSerializer.Serialize(new { IsEncrypted = false, Values = settings }));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(LocalHostDll(root));
        start.Environment["LocalHost__SettingsFile"] = settingsFile;

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        _host = Process.Start(start)!;
        _host.OutputDataReceived += (_, e) => { lock (_hostOutput) { _hostOutput.AppendLine(e.Data); } };
        _host.ErrorDataReceived += (_, e) => { lock (_hostOutput) { _hostOutput.AppendLine(e.Data); } };
        _host.BeginOutputReadLine();
        _host.BeginErrorReadLine();

        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await WaitForHealthAsync();

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CosmosDb"] = Services["CosmosDb"] }).Build();
        Cosmos = CosmosClientFactory.Create(AzureConnection.Read(configuration, "CosmosDb", "accountEndpoint"));
    }

    public Container Container(string name) => Cosmos.GetContainer("safety", name);

    /// <summary>
    /// A client signed in through the development sign-in form as <paramref name="moderatorId"/> with
    /// <paramref name="role"/> (moderator, admin or none), asking for JSON; it keeps the sign-in cookie and does not
    /// follow redirects, so tests see them.
    /// </summary>
    public async Task<HttpClient> SignInAsync(string moderatorId, string role = "moderator")
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        using var response = await client.PostAsync("api/moderation/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["moderatorId"] = moderatorId,
            ["role"] = role,
            ["returnTo"] = "/api/moderation/queue",
        }));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The development sign-in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        return client;
    }

    /// <summary>
    /// Polls until <paramref name="condition"/> holds, or fails after <paramref name="timeout"/> with what it last saw
    /// and, when given, what <paramref name="context"/> tells then.
    /// </summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan timeout, string what, Func<string>? context = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last;
        do
        {
            last = await probe();
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        throw new Xunit.Sdk.XunitException($"Timed out after {timeout.TotalSeconds:0}s waiting for {what}; last seen: {System.Text.Json.JsonSerializer.Serialize(last)}{(context is null ? string.Empty : "\n" + context())}");
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        Cosmos?.Dispose();
        if (Unavailable is not null)
        {
            return;
        }

        if (_host is { HasExited: false })
        {
            _host.Kill(entireProcessTree: true);
            await _host.WaitForExitAsync();
        }
    }

    private async Task WaitForHealthAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_host!.HasExited)
            {
                throw new InvalidOperationException($"The local host exited with {_host.ExitCode}:\n{HostOutput}");
            }

            try
            {
                if ((await Http.GetAsync("api/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"The local host did not answer /api/health in time:\n{HostOutput}");
    }

    private static async Task<IReadOnlyDictionary<string, string>> StartServicesAsync(string root)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("scripts/services");
        start.ArgumentList.Add("up");
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/services up failed ({process.ExitCode}):\n{errors}");
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1]);
    }

    private static string LocalHostDll(string root)
    {
        var candidates = new[] { "Release", "Debug" }
            .Select(c => Path.Combine(root, "functions", "ServerlessSafety.LocalHost", "bin", c, "net10.0", "ServerlessSafety.LocalHost.dll"))
            .Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .ToList();
        return candidates.FirstOrDefault() ?? throw new InvalidOperationException("Build functions/ServerlessSafety.LocalHost first (scripts/test does).");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>
{
    public const string Name = "pipeline";
}
