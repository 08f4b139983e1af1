using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ServerlessSafety.LocalHost.Configuration;
using ServerlessSafety.LocalHost.Discovery;
using ServerlessSafety.LocalHost.Invocation;

namespace ServerlessSafety.LocalHost.Durable;

/// <summary>
/// Orchestration and activity triggers on DurableTask.Core's <see cref="TaskHubWorker"/> with the Azure Storage backend
/// (Azurite locally): history, timers and queues live in storage, so a durable timer survives a restart of the host.
/// Microsoft.DurableTask.Worker's <see cref="DurableTaskShimFactory"/> turns each function into a Core orchestration or activity.
/// </summary>
internal sealed class DurableRuntime : IAsyncDisposable
{
    private readonly List<FunctionInvoker> _orchestrators;
    private readonly List<FunctionInvoker> _activities;
    private readonly AzureStorageOrchestrationService _service;
    private readonly DataConverter _converter = JsonDataConverter.Default;
    private readonly CancellationTokenSource _stopping = new();
    private TaskHubWorker? _worker;

    private DurableRuntime(List<FunctionInvoker> orchestrators, List<FunctionInvoker> activities, AzureStorageOrchestrationService service, string hubName)
    {
        _orchestrators = orchestrators;
        _activities = activities;
        _service = service;
        HubName = hubName;
        Client = new LocalDurableTaskClient(hubName, service, _converter);
    }

    public string HubName { get; }

    public LocalDurableTaskClient Client { get; }

    public static bool IsDurableTrigger(Attribute trigger) => trigger is OrchestrationTriggerAttribute or ActivityTriggerAttribute;

    /// <summary>Validates the durable functions; null when there are none and no function needs a durable client.</summary>
    public static DurableRuntime? Create(
        IReadOnlyList<FunctionDescriptor> durable,
        bool clientNeeded,
        IConfiguration configuration,
        HostJson hostJson,
        ILoggerFactory loggerFactory,
        ICollection<StartProblem> problems)
    {
        if (durable.Count == 0 && !clientNeeded)
        {
            return null;
        }

        var orchestrators = new List<FunctionInvoker>();
        var activities = new List<FunctionInvoker>();
        var none = new Dictionary<string, Type>();
        foreach (var function in durable)
        {
            if (function.Trigger is OrchestrationTriggerAttribute)
            {
                var shape = new TriggerShape("TaskOrchestrationContext", t => t == typeof(TaskOrchestrationContext), none);
                if (FunctionInvoker.Create(function, shape, problems) is { } invoker)
                {
                    orchestrators.Add(invoker);
                }
            }
            else
            {
                var shape = new TriggerShape("a JSON-deserializable input type", t => !t.IsByRef && !t.IsPointer && t != typeof(TaskActivityContext), none);
                if (FunctionInvoker.Create(function, shape, problems) is { } invoker)
                {
                    activities.Add(invoker);
                }
            }
        }

        var owner = durable.Count > 0 ? durable[0].Name : "[DurableClient]";
        var storage = ConnectionSetting.Find(configuration, "AzureWebJobsStorage");
        if (storage is null)
        {
            problems.Add(new StartProblem(owner, "needs the Durable Task hub in AzureWebJobsStorage, which is not configured"));
            return null;
        }

        string hubName;
        try
        {
            hubName = SettingExpression.Resolve(hostJson.DurableHubName ?? configuration["TASKHUB_NAME"] ?? "TestHubName", configuration);
        }
        catch (InvalidOperationException e)
        {
            problems.Add(new StartProblem(owner, $"needs a task hub name: {e.Message}"));
            return null;
        }

        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = hubName,
            StorageAccountClientProvider = storage.ConnectionString is { } text
                ? new StorageAccountClientProvider(text)
                : new StorageAccountClientProvider(storage.Endpoint("accountName") ?? throw new InvalidOperationException("AzureWebJobsStorage__accountName is required without a connection string."), storage.Credential()),
            PartitionCount = Math.Clamp(hostJson.DurablePartitionCount, 1, 16),
            MaxConcurrentTaskActivityWorkItems = Math.Max(1, hostJson.DurableMaxConcurrentActivities),
            MaxConcurrentTaskOrchestrationWorkItems = Math.Max(1, hostJson.DurableMaxConcurrentOrchestrations),
            MaxQueuePollingInterval = configuration.GetValue(LocalHostSettings.DurableMaxPollingInterval, TimeSpan.FromSeconds(30)),
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}",
            LoggerFactory = loggerFactory,
        };
        return new DurableRuntime(orchestrators, activities, new AzureStorageOrchestrationService(settings), hubName);
    }

    public string Describe(FunctionDescriptor function)
        => function.Trigger is OrchestrationTriggerAttribute ? $"orchestrationTrigger (task hub {HubName})" : $"activityTrigger (task hub {HubName})";

    public async Task StartAsync(IServiceProvider services, ILoggerFactory loggerFactory)
    {
        await _service.CreateIfNotExistsAsync();
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = _converter }, loggerFactory);
        _worker = new TaskHubWorker(_service, loggerFactory) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
        _worker.AddTaskOrchestrations(_orchestrators
            .Select(o => (ObjectCreator<TaskOrchestration>)new DelegateObjectCreator<TaskOrchestration>(o.Function.Name, () =>
                shims.CreateOrchestration(o.Function.Name, new FunctionOrchestrator(o, services, _converter, loggerFactory), null)))
            .ToArray());
        _worker.AddTaskActivities(_activities
            .Select(a => (ObjectCreator<TaskActivity>)new DelegateObjectCreator<TaskActivity>(a.Function.Name, () =>
                shims.CreateActivity(a.Function.Name, new FunctionActivity(a, services, loggerFactory, _stopping.Token))))
            .ToArray());
        await _worker.StartAsync();
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        if (_worker is not null)
        {
            // Graceful: releases the partition leases, so a restarted host picks up pending timers at once.
            await _worker.StopAsync(isForced: false);
            _worker = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _service.Dispose();
        _stopping.Dispose();
    }
}
