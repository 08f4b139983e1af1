using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServerlessSafety.LocalHost.Blobs;
using ServerlessSafety.LocalHost.Configuration;
using ServerlessSafety.LocalHost.Discovery;
using ServerlessSafety.LocalHost.Durable;
using ServerlessSafety.LocalHost.Http;
using ServerlessSafety.LocalHost.ServiceBus;
using ServerlessSafety.LocalHost.Timers;

namespace ServerlessSafety.LocalHost;

/// <summary>
/// Runs an isolated-worker function app's functions in one process, unchanged, as <c>func start</c> would: HTTP on
/// Kestrel under <c>/api</c>, blob triggers by polling, Service Bus triggers on <c>ServiceBusProcessor</c>, timers,
/// and Durable orchestrations and activities on DurableTask.Core with Azure Storage.
/// </summary>
/// <remarks>
/// Every function is checked before anything starts: a trigger or parameter the host cannot bind makes
/// <see cref="StartAsync"/> throw <see cref="LocalHostStartException"/> naming the function; none is skipped.
/// </remarks>
public sealed class LocalFunctionHost : IAsyncDisposable
{
    private const int DefaultPort = 7071;

    // The Functions host logs these at Warning unless host.json says otherwise; at Information the Azure SDKs log
    // every request and the Durable Task Framework every poll.
    private static readonly Dictionary<string, string?> QuietCategories = new()
    {
        ["Logging:LogLevel:Azure"] = "Warning",
        ["Logging:LogLevel:DurableTask.Core"] = "Warning",
        ["Logging:LogLevel:DurableTask.AzureStorage"] = "Warning",
    };

    private readonly LocalFunctionHostOptions _options;
    private readonly List<ITriggerListener> _started = [];
    private WebApplication? _app;
    private DurableRuntime? _durable;
    private ServiceBusClients? _serviceBusClients;
    private ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    private volatile bool _running;
    private bool _httpStarted;
    private bool _stopped;

    /// <summary>Creates the host; nothing runs until <see cref="StartAsync"/>.</summary>
    public LocalFunctionHost(LocalFunctionHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Where the HTTP functions listen, e.g. <c>http://127.0.0.1:7071</c>; set once started.</summary>
    public Uri? BaseAddress { get; private set; }

    /// <summary>The app's services, as the functions see them; set once started.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>Each function with its trigger, as logged at start.</summary>
    public IReadOnlyList<string> FunctionSummaries { get; private set; } = [];

    /// <summary>Checks every function, then starts HTTP, the Durable worker and the other triggers.</summary>
    /// <exception cref="LocalHostStartException">Some function cannot run here; nothing was left running.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var (builder, hostJson, keys) = CreateBuilder();
        var configuration = builder.Configuration;
        var port = configuration.GetValue(LocalHostSettings.Port, DefaultPort);
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));

        var problems = new List<StartProblem>();
        var functions = FunctionDiscovery.Discover(_options.FunctionsAssembly, problems);
        var plan = Bind(functions, configuration, hostJson, keys, problems);
        if (problems.Count > 0)
        {
            await DisposeDurableAsync();
            throw new LocalHostStartException(problems.Select(p => p.ToString()).ToList());
        }

        builder.Services.AddMvcCore();
        builder.Services.AddRouting();
        builder.Services.AddSingleton(TimeProvider.System);
        _options.ConfigureServices(builder.Services, configuration);
        if (_durable is not null)
        {
            builder.Services.AddSingleton<DurableTaskClient>(_durable.Client);
        }

        _app = builder.Build();
        var logger = _app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Host.LocalFunctionHost");
        _logger = logger;
        _app.Use(AnswerOnlyWhenRunningAsync);
        _app.UseStatusCodePages(context => ProblemResponse.WriteForUnmatchedAsync(context.HttpContext));
        foreach (var endpoint in plan.Endpoints)
        {
            endpoint.Map(_app, _app.Services, _app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Function." + endpoint.FunctionName));
        }

        WarnAboutMissingKeys(plan.Endpoints, keys, logger);
        await _app.StartAsync(cancellationToken);
        _httpStarted = true;
        var address = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));

        if (_durable is not null)
        {
            await _durable.StartAsync(_app.Services, _app.Services.GetRequiredService<ILoggerFactory>());
        }

        foreach (var listener in plan.Listeners)
        {
            await listener.StartAsync(_app.Services, cancellationToken);
            _started.Add(listener);
        }

        FunctionSummaries = plan.Summaries;
        Log.FunctionList(logger, string.Join('\n', plan.Summaries.Select(s => "  " + s.Replace("{base}", BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal))));
        Log.Ready(logger, BaseAddress.ToString(), functions.Count);
        _running = true;
    }

    /// <summary>
    /// Discovers and binds every function against the settings, as <see cref="StartAsync"/> does first, and starts
    /// nothing; one line per function that could not run, empty when all can.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckFunctionsAsync()
    {
        var (builder, hostJson, keys) = CreateBuilder();
        var problems = new List<StartProblem>();
        var functions = FunctionDiscovery.Discover(_options.FunctionsAssembly, problems);
        Bind(functions, builder.Configuration, hostJson, keys, problems);
        await DisposeDurableAsync();
        return problems.Select(p => p.ToString()).ToList();
    }

    /// <summary>
    /// Stops HTTP (requests in flight finish), then each trigger (running invocations see their cancellation token and
    /// are waited for), then the Durable worker. A blob or message whose invocation did not finish is not recorded as
    /// done, so it runs again after the next start.
    /// </summary>
    /// <param name="cancellationToken">Ends the wait for running invocations.</param>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _running = false;
        var wasStarted = _httpStarted && !_stopped;
        _stopped = true;
        if (wasStarted)
        {
            Log.Stopping(_logger);
        }

        // HTTP first: no new work comes in, and requests in flight still have the triggers' services and the durable client.
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }

        foreach (var listener in _started)
        {
            await listener.StopAsync(cancellationToken);
        }

        _started.Clear();
        await DisposeDurableAsync();
        if (_serviceBusClients is not null)
        {
            await _serviceBusClients.DisposeAsync();
            _serviceBusClients = null;
        }

        if (wasStarted)
        {
            Log.Stopped(_logger);
        }
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled (Ctrl-C in <c>Program.cs</c>), then stops.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StartAsync(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while starting: what did start is stopped below, as after a normal run.
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await StopAsync(grace.Token);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private (WebApplicationBuilder Builder, HostJson HostJson, FunctionKeys Keys) CreateBuilder()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. _options.Args],
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = _options.FunctionsAssembly.GetName().Name,
        });
        var settingsFile = _options.LocalSettingsPath
            ?? builder.Configuration[LocalHostSettings.SettingsFile]
            ?? Path.Combine(AppContext.BaseDirectory, "local.settings.json");
        var hostJson = HostJson.Load(_options.HostJsonPath ?? Path.Combine(AppContext.BaseDirectory, "host.json"));
        // Lowest first: the host's quiet defaults, host.json's log levels, then local.settings.json, all below
        // environment variables and the command line, as with func start.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = LocalSettingsFile.ReadValues(settingsFile) });
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = hostJson.LogLevels() });
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = QuietCategories });
        builder.Configuration.AddInMemoryCollection(_options.Settings);
        _options.ConfigureLogging?.Invoke(builder.Logging);
        var keys = new FunctionKeys(builder.Configuration[LocalHostSettings.FunctionKey], builder.Configuration[LocalHostSettings.MasterKey]);
        return (builder, hostJson, keys);
    }

    private BindingPlan Bind(IReadOnlyList<FunctionDescriptor> functions, IConfiguration configuration, HostJson hostJson, FunctionKeys keys, List<StartProblem> problems)
    {
        var plan = new BindingPlan();
        var durable = functions.Where(f => DurableRuntime.IsDurableTrigger(f.Trigger)).ToList();
        var durableLoggers = LoggerFactory.Create(l => _options.ConfigureLogging?.Invoke(l));
        _durable = DurableRuntime.Create(durable, functions.Any(Invocation.FunctionInvoker.NeedsDurableClient), configuration, hostJson, durableLoggers, problems);
        var hostStorage = ConnectionSetting.Find(configuration, "AzureWebJobsStorage");
        var receipts = hostStorage is null ? null : new BlobReceipts(StorageClients.Blobs(hostStorage), configuration[LocalHostSettings.HostId] ?? "local-host");
        var blobInterval = configuration.GetValue(LocalHostSettings.BlobPollingInterval, TimeSpan.FromSeconds(2));
        _serviceBusClients = new ServiceBusClients();

        foreach (var function in functions)
        {
            ITriggerListener? listener = null;
            switch (function.Trigger)
            {
                case HttpTriggerAttribute:
                    if (HttpFunctionEndpoint.Create(function, hostJson.RoutePrefix, keys, problems) is { } endpoint)
                    {
                        plan.Endpoints.Add(endpoint);
                        plan.Summaries.Add($"{function.Name}: httpTrigger {endpoint.Description.Replace(endpoint.Pattern, "{base}" + endpoint.Pattern, StringComparison.Ordinal)}");
                    }

                    continue;
                case BlobTriggerAttribute:
                    listener = BlobTriggerListener.Create(function, configuration, hostJson, receipts, blobInterval, problems);
                    break;
                case ServiceBusTriggerAttribute:
                    listener = ServiceBusTriggerListener.Create(function, configuration, hostJson, _serviceBusClients, problems);
                    break;
                case TimerTriggerAttribute:
                    listener = TimerTriggerListener.Create(function, configuration, TimeProvider.System, problems);
                    break;
                case var trigger when DurableRuntime.IsDurableTrigger(trigger):
                    if (_durable is not null)
                    {
                        plan.Summaries.Add($"{function.Name}: {_durable.Describe(function)}");
                    }

                    continue;
                default:
                    problems.Add(new StartProblem(function.Name, $"uses the trigger {function.Trigger.GetType().Name}, which the local host does not support"));
                    continue;
            }

            if (listener is not null)
            {
                plan.Listeners.Add(listener);
                plan.Summaries.Add($"{function.Name}: {listener.Description}");
            }
        }

        return plan;
    }

    // Until every trigger runs, and again once stopping begins, HTTP answers 503 as the Functions host does; so
    // /api/health answering 200 means the whole app is up.
    private Task AnswerOnlyWhenRunningAsync(HttpContext context, RequestDelegate next)
    {
        if (_running)
        {
            return next(context);
        }

        context.Response.Headers.RetryAfter = "1";
        return ProblemResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "The local host is starting or stopping.");
    }

    private static void WarnAboutMissingKeys(IReadOnlyCollection<HttpFunctionEndpoint> endpoints, FunctionKeys keys, ILogger logger)
    {
        if (!keys.HasFunctionKey && !keys.HasMasterKey && endpoints.Any(e => e.AuthLevel == AuthorizationLevel.Function))
        {
            Log.KeyMissing(logger, "Function", LocalHostSettings.FunctionKey);
        }

        if (!keys.HasMasterKey && endpoints.Any(e => e.AuthLevel is AuthorizationLevel.Admin or AuthorizationLevel.System))
        {
            Log.KeyMissing(logger, "Admin", LocalHostSettings.MasterKey);
        }
    }

    private async Task DisposeDurableAsync()
    {
        if (_durable is not null)
        {
            await _durable.DisposeAsync();
            _durable = null;
        }
    }

    private sealed class BindingPlan
    {
        public List<HttpFunctionEndpoint> Endpoints { get; } = [];

        public List<ITriggerListener> Listeners { get; } = [];

        public List<string> Summaries { get; } = [];
    }
}
