using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using ServerlessSafety.Domain.Sla;

namespace ServerlessSafety.Functions.Cases;

/// <summary>
/// The SLA clock of one case: durable timers at each reminder and at the deadline race the <c>CaseResolved</c>
/// event. If the deadline wins, the case is escalated and the clock keeps waiting for the resolution; either
/// way the reporter gets the final notice. Deterministic: time comes only from the orchestration context.
/// </summary>
public static class CaseSlaOrchestrator
{
    /// <summary>The external event a resolution raises.</summary>
    public const string CaseResolvedEvent = "CaseResolved";

    /// <summary>Runs the clock.</summary>
    [Function(nameof(CaseSlaOrchestrator))]
    public static async Task Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var start = context.GetInput<CaseSlaStart>()
            ?? throw new InvalidOperationException("The SLA clock needs its start input.");
        var resolved = context.WaitForExternalEvent<object?>(CaseResolvedEvent);

        var isResolved = false;
        for (var i = 0; i < start.Reminders.Count && !isResolved; i++)
        {
            isResolved = await ResolvedBeforeAsync(context, resolved, start.Reminders[i]);
            if (!isResolved)
            {
                await context.CallActivityAsync(nameof(CaseSlaActivities.RecordSlaReminder), new SlaReminder(start.CaseId, i));
            }
        }

        if (!isResolved && !await ResolvedBeforeAsync(context, resolved, start.DueBy))
        {
            await context.CallActivityAsync(nameof(CaseSlaActivities.EscalateOverdueCase), start.CaseId);
            await resolved;
        }

        await context.CallActivityAsync(nameof(CaseSlaActivities.SendFinalNotice), start.CaseId);
    }

    private static async Task<bool> ResolvedBeforeAsync(TaskOrchestrationContext context, Task resolved, DateTimeOffset moment)
    {
        if (resolved.IsCompleted)
        {
            return true;
        }

        using var cancelTimer = new CancellationTokenSource();
        var timer = context.CreateTimer(moment.UtcDateTime, cancelTimer.Token);
        if (await Task.WhenAny(resolved, timer) == resolved)
        {
            // A timer left running would keep the orchestration alive until it fired.
            cancelTimer.Cancel();
            return true;
        }

        return false;
    }
}

/// <summary>Which reminder of which case.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Index">The reminder's position, from 0.</param>
public sealed record SlaReminder(string CaseId, int Index);
