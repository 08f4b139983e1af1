using Azure.Messaging.ServiceBus;
using ServerlessSafety.ServiceBusEmulator;
using ServerlessSafety.ServiceBusEmulator.Configuration;

namespace ServerlessSafety.ServiceBusEmulator.Tests;

/// <summary>An in-process emulator of a test's own, on a free port with its own message log, and a client for it.</summary>
public sealed class TestEmulator : IAsyncDisposable
{
    public const string Queue = "work";
    public const string ShortLockQueue = "short-lock";
    public const string ShortLivedQueue = "short-lived";

    private ServiceBusEmulatorServer _server;

    private TestEmulator(ServiceBusEmulatorServer server, EmulatorOptions options)
    {
        _server = server;
        Options = options;
        Client = new ServiceBusClient(server.ConnectionString, ClientOptions);
    }

    public static ServiceBusClientOptions ClientOptions { get; } = new()
    {
        RetryOptions = new ServiceBusRetryOptions { MaxRetries = 2, Delay = TimeSpan.FromMilliseconds(200), TryTimeout = TimeSpan.FromSeconds(10) },
    };

    public static IReadOnlyList<QueueSettings> Queues { get; } =
    [
        new QueueSettings { Name = Queue, MaxDeliveryCount = 3, RequiresDuplicateDetection = true, DeadLetteringOnMessageExpiration = true, MaxMessageSizeBytes = 64 * 1024 },
        new QueueSettings { Name = ShortLockQueue, LockDuration = TimeSpan.FromSeconds(2), MaxDeliveryCount = 10 },
        new QueueSettings { Name = ShortLivedQueue, DefaultMessageTimeToLive = TimeSpan.FromSeconds(1), DeadLetteringOnMessageExpiration = true },
    ];

    public EmulatorOptions Options { get; }

    public ServiceBusClient Client { get; private set; }

    public string ConnectionString => _server.ConnectionString;

    public static TestEmulator Start()
    {
        var options = new EmulatorOptions
        {
            Port = 0,
            DataDirectory = Directory.CreateTempSubdirectory("servicebus-emulator-test-").FullName,
            Queues = Queues,
        };
        return new TestEmulator(ServiceBusEmulatorServer.Start(options), options);
    }

    /// <summary>Stops the emulator and starts it again on the same port and message log; the client is kept.</summary>
    public async Task RestartAsync()
    {
        var port = _server.Port;
        await _server.DisposeAsync();
        _server = ServiceBusEmulatorServer.Start(Options with { Port = port });
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _server.DisposeAsync();
        Directory.Delete(Options.DataDirectory, recursive: true);
    }
}
