using Microsoft.Azure.Functions.Worker;

namespace ServerlessSafety.LocalHost.TestApp;

public sealed class ServiceBusFunctions
{
    private readonly InvocationRecorder _recorder;

    public ServiceBusFunctions(InvocationRecorder recorder)
    {
        _recorder = recorder;
    }

    /// <summary>Records each message; one marked <c>fail</c> always throws.</summary>
    [Function("ConsumeWorkItem")]
    public Task ConsumeWorkItem(
        [ServiceBusTrigger("%WorkQueue%", Connection = "ServiceBus")] WorkItem item,
        string messageId,
        int deliveryCount,
        CancellationToken cancellationToken)
    {
        _recorder.Record("ConsumeWorkItem", $"{item.Id}:{messageId}:{deliveryCount}");
        return item.Fail ? throw new InvalidOperationException("this message always fails") : Task.CompletedTask;
    }
}

public sealed record WorkItem(string Id, bool Fail);
