using System.Collections.Concurrent;
using System.Security.Cryptography;
using ServerlessSafety.LocalHost;
using Xunit.Abstractions;

namespace ServerlessSafety.LocalHost.Tests;

/// <summary>The test app in an in-process local host, with resources of its own on the shared local services.</summary>
internal sealed class TestAppHost
{
    // Nothing listens here: tests without the emulator still start the app's Service Bus trigger.
    private const string UnreachableServiceBus = "Endpoint=sb://127.0.0.1:9;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=dGVzdA==;UseDevelopmentEmulator=true;";

    public TestAppHost(LocalServicesFixture services, ITestOutputHelper output, string? serviceBus = null)
    {
        Output = output;
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        Settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = services.Storage,
            ["Uploads"] = services.Settings["Uploads"],
            ["ServiceBus"] = serviceBus ?? UnreachableServiceBus,
            ["UploadsContainer"] = "uploads-" + suffix,
            ["WorkQueue"] = "work",
            ["TASKHUB_NAME"] = "lh" + suffix,
            ["TickSchedule"] = "0 0 0 1 1 *",
            [LocalHostSettings.FunctionKey] = FunctionKey,
            [LocalHostSettings.MasterKey] = MasterKey,
            [LocalHostSettings.HostId] = "tests-" + suffix,
            [LocalHostSettings.BlobPollingInterval] = "00:00:00.300",
            [LocalHostSettings.DurableMaxPollingInterval] = "00:00:01",
        };
    }

    public string FunctionKey { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string MasterKey { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public Dictionary<string, string?> Settings { get; }

    public InvocationRecorder Recorder { get; } = new();

    public ITestOutputHelper Output { get; }

    /// <summary>Every log line of every host this instance started, as "Level Category: message".</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    public Task<LocalFunctionHost> StartAsync()
        => InProcessLocalHost.StartAsync(
            typeof(InvocationRecorder).Assembly,
            (services, configuration) =>
            {
                Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, Recorder);
                services.AddLocalHostTestApp(configuration);
            },
            Settings,
            line =>
            {
                Logs.Enqueue(line);
                Output.WriteLine(line);
            });
}
