using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using ServerlessSafety.Domain.Sla;

namespace ServerlessSafety.Functions.Cases;

/// <summary>The SLA clock as a Durable Functions orchestration whose instance id is the case id.</summary>
/// <remarks>Made per invocation: the isolated worker hands out <see cref="DurableTaskClient"/> only through <c>[DurableClient]</c>.</remarks>
public sealed class DurableCaseSlaClock : ICaseSlaClock
{
    private readonly DurableTaskClient _client;

    /// <summary>Creates the clock over the invocation's durable client.</summary>
    public DurableCaseSlaClock(DurableTaskClient client)
    {
        _client = client;
    }

    /// <inheritdoc />
    public async Task StartAsync(CaseSlaStart start, CancellationToken cancellationToken = default)
    {
        if (await _client.GetInstanceAsync(start.CaseId, cancellationToken) is not null)
        {
            return;
        }

        await _client.ScheduleNewOrchestrationInstanceAsync(
            nameof(CaseSlaOrchestrator),
            start,
            new StartOrchestrationOptions(start.CaseId),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task NotifyResolvedAsync(string caseId, CancellationToken cancellationToken = default)
    {
        // Cases opened from upload matches have no reporter and no clock; there is nobody to tell.
        if (await _client.GetInstanceAsync(caseId, cancellationToken) is { IsCompleted: false })
        {
            await _client.RaiseEventAsync(caseId, CaseSlaOrchestrator.CaseResolvedEvent, null, cancellationToken);
        }
    }
}
