using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessSafety.LocalHost;

namespace ServerlessSafety.Testing;

/// <summary>Starts a <see cref="LocalFunctionHost"/> in the test process, on a free port, with the given settings.</summary>
public static class InProcessLocalHost
{
    /// <summary>
    /// Starts the host. No <c>local.settings.json</c> is read: <paramref name="settings"/> is all the app sees, plus the
    /// environment. Logs go nowhere unless <paramref name="log"/> is given.
    /// </summary>
    public static async Task<LocalFunctionHost> StartAsync(
        Assembly functionsAssembly,
        Action<IServiceCollection, IConfiguration> configureServices,
        IReadOnlyDictionary<string, string?> settings,
        Action<string>? log = null,
        CancellationToken cancellationToken = default)
    {
        var all = new Dictionary<string, string?>(settings) { [LocalHostSettings.Port] = "0" };
        var host = new LocalFunctionHost(new LocalFunctionHostOptions
        {
            FunctionsAssembly = functionsAssembly,
            ConfigureServices = configureServices,
            LocalSettingsPath = Path.Combine(Path.GetTempPath(), "no-local-settings-" + Guid.NewGuid().ToString("N") + ".json"),
            Settings = all,
            ConfigureLogging = logging =>
            {
                logging.ClearProviders();
                if (log is not null)
                {
                    logging.AddProvider(new CallbackLoggerProvider(log));
                }
            },
        });
        try
        {
            await host.StartAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private sealed class CallbackLoggerProvider(Action<string> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CallbackLogger(categoryName, log);

        public void Dispose()
        {
        }
    }

    private sealed class CallbackLogger(string category, Action<string> log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && !category.StartsWith("DurableTask", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                try
                {
                    log($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? string.Empty : " | " + exception.GetType().Name)}");
                }
                catch (InvalidOperationException)
                {
                    // xunit's output helper refuses writes after its test ended; background logs may come late.
                }
            }
        }
    }
}
