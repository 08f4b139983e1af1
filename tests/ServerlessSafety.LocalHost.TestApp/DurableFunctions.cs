using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace ServerlessSafety.LocalHost.TestApp;

public sealed class DurableFunctions
{
    private readonly InvocationRecorder _recorder;

    public DurableFunctions(InvocationRecorder recorder)
    {
        _recorder = recorder;
    }

    [Function("StartDelayed")]
    public async Task<IActionResult> StartDelayed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "delayed/{seconds:int}")] HttpRequest request,
        int seconds,
        [DurableClient] DurableTaskClient durable)
    {
        var id = await durable.ScheduleNewOrchestrationInstanceAsync(nameof(DelayedOrchestration), new DelayedInput(seconds, "hello"));
        return new AcceptedResult((string?)null, new { instanceId = id });
    }

    /// <summary>Waits on a durable timer, then calls an activity.</summary>
    [Function(nameof(DelayedOrchestration))]
    public static async Task<string> DelayedOrchestration([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<DelayedInput>()!;
        await context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(input.Seconds), CancellationToken.None);
        return await context.CallActivityAsync<string>(nameof(RecordFired), input with { Seconds = 0 });
    }

    [Function(nameof(RecordFired))]
    public string RecordFired([ActivityTrigger] DelayedInput input, FunctionContext context)
    {
        _recorder.Record(nameof(RecordFired), input.Message);
        return input.Message + " after the timer";
    }
}

public sealed record DelayedInput(int Seconds, string Message);
