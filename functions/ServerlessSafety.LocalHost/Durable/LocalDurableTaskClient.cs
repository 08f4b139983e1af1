using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using CoreStatus = DurableTask.Core.OrchestrationStatus;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace ServerlessSafety.LocalHost.Durable;

/// <summary>
/// <see cref="DurableTaskClient"/> over DurableTask.Core's orchestration service client: the <c>[DurableClient]</c>
/// of local functions. Inputs, outputs and event payloads go through the same <see cref="DataConverter"/> as the
/// worker's shims, so both sides read each other.
/// </summary>
/// <remarks>
/// Not supported (they throw <see cref="NotSupportedException"/>): listing or querying instances
/// (<see cref="GetAllInstancesAsync"/>), purging by filter, restart, rewind, history and entities.
/// </remarks>
internal sealed class LocalDurableTaskClient : DurableTaskClient
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private readonly IOrchestrationServiceClient _service;
    private readonly DataConverter _converter;

    public LocalDurableTaskClient(string taskHub, IOrchestrationServiceClient service, DataConverter converter)
        : base(taskHub)
    {
        _service = service;
        _converter = converter;
    }

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var instance = new OrchestrationInstance
        {
            InstanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N"),
            ExecutionId = Guid.NewGuid().ToString("N"),
        };
        var started = new ExecutionStartedEvent(-1, input is null ? null : _converter.Serialize(input))
        {
            Name = orchestratorName.Name,
            Version = options?.Version?.Version ?? string.Empty,
            OrchestrationInstance = instance,
            ScheduledStartTime = options?.StartAt?.UtcDateTime,
            Tags = options?.Tags?.ToDictionary(t => t.Key, t => t.Value),
        };
        var dedupe = options?.DedupeStatuses?.Select(s => Enum.Parse<CoreStatus>(s.ToString())).ToArray();
        cancellation.ThrowIfCancellationRequested();
        await _service.CreateTaskOrchestrationAsync(new TaskMessage { OrchestrationInstance = instance, Event = started }, dedupe);
        return instance.InstanceId;
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
        => Send(instanceId, new EventRaisedEvent(-1, eventPayload is null ? null : _converter.Serialize(eventPayload)) { Name = eventName });

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        if (options?.Recursive == true)
        {
            throw new NotSupportedException("The local host's DurableTaskClient does not terminate sub-orchestrations recursively.");
        }

        return Send(instanceId, new ExecutionTerminatedEvent(-1, options?.Output is null ? null : _converter.Serialize(options.Output)));
    }

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
        => Send(instanceId, new ExecutionSuspendedEvent(-1, reason));

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
        => Send(instanceId, new ExecutionResumedEvent(-1, reason));

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var state = (await _service.GetOrchestrationStateAsync(instanceId, allExecutions: false)).FirstOrDefault();
        return state is null ? null : ToMetadata(state, getInputsAndOutputs);
    }

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => WaitAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => WaitAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellation);

    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        if (_service is not IOrchestrationServicePurgeClient purge)
        {
            throw new NotSupportedException("The orchestration service behind the local host cannot purge instances.");
        }

        cancellation.ThrowIfCancellationRequested();
        var result = await purge.PurgeInstanceStateAsync(instanceId);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
        => throw new NotSupportedException("The local host's DurableTaskClient does not list or query instances; get them by id.");

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
        => throw new NotSupportedException("The local host's DurableTaskClient purges instances by id only.");

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task Send(string instanceId, HistoryEvent historyEvent)
        => _service.SendTaskOrchestrationMessageAsync(new TaskMessage { OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId }, Event = historyEvent });

    private async Task<OrchestrationMetadata> WaitAsync(string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> done, CancellationToken cancellation)
    {
        while (true)
        {
            if (await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation) is { } metadata && done(metadata))
            {
                return metadata;
            }

            await Task.Delay(PollInterval, cancellation);
        }
    }

    private OrchestrationMetadata ToMetadata(OrchestrationState state, bool getInputsAndOutputs) => new(state.Name, state.OrchestrationInstance.InstanceId)
    {
        RuntimeStatus = Enum.Parse<OrchestrationRuntimeStatus>(state.OrchestrationStatus.ToString()),
        CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)),
        LastUpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc)),
        SerializedInput = getInputsAndOutputs ? state.Input : null,
        SerializedOutput = getInputsAndOutputs ? state.Output : null,
        SerializedCustomStatus = getInputsAndOutputs ? state.Status : null,
        Tags = state.Tags?.ToDictionary(t => t.Key, t => t.Value) ?? new Dictionary<string, string>(),
        FailureDetails = state.FailureDetails is { } failure ? new TaskFailureDetails(failure.ErrorType, failure.ErrorMessage, failure.StackTrace, null, null) : null,
        // The metadata reads inputs and outputs only when it has a converter.
        DataConverter = getInputsAndOutputs ? _converter : null,
    };
}
