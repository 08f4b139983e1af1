using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using ServerlessSafety.ServiceBusEmulator;
using ServerlessSafety.ServiceBusEmulator.Configuration;

// Usage: ServerlessSafety.ServiceBusEmulator --config config/servicebus.json [--port 5672] [--data-dir .local/servicebus] [--key KEY]
// Prints "ready <connection string>" on standard output once it listens; logs go to standard error.
var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    arguments[args[i]] = args[i + 1];
}

if (args.Length % 2 != 0 || !arguments.TryGetValue("--config", out var config) || arguments.Keys.Any(k => k is not ("--config" or "--port" or "--data-dir" or "--key")))
{
    await Console.Error.WriteLineAsync("usage: ServerlessSafety.ServiceBusEmulator --config FILE [--port 5672] [--data-dir DIR] [--key KEY]");
    return 2;
}

EmulatorOptions options;
try
{
    options = new EmulatorOptions
    {
        Queues = QueueDeclarations.Load(config),
        Port = arguments.TryGetValue("--port", out var port) ? int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) : 5672,
        DataDirectory = arguments.GetValueOrDefault("--data-dir") ?? Path.Combine(".local", "servicebus"),
        Key = arguments.GetValueOrDefault("--key") ?? EmulatorOptions.DevelopmentKey,
    };
}
catch (Exception exception) when (exception is FormatException or IOException or System.Text.Json.JsonException or OverflowException)
{
    await Console.Error.WriteLineAsync($"The emulator cannot start: {exception.Message}");
    return 2;
}

using var loggers = LoggerFactory.Create(logging => logging
    .SetMinimumLevel(Environment.GetEnvironmentVariable("SERVICEBUS_EMULATOR_LOG_LEVEL") is { } level ? Enum.Parse<LogLevel>(level, ignoreCase: true) : LogLevel.Information)
    .AddSimpleConsole(console => console.SingleLine = true)
    .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
await using var server = ServiceBusEmulatorServer.Start(options, loggers);
Console.WriteLine($"ready {server.ConnectionString}");

var stopped = new TaskCompletionSource();
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stopped.TrySetResult();
});
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    stopped.TrySetResult();
});
await stopped.Task;
return 0;
