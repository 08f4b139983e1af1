using Azure.Messaging.ServiceBus;
using Xunit.Abstractions;

namespace ServerlessSafety.LocalHost.Tests;

public sealed class ServiceBusTriggerTests : IClassFixture<LocalServicesFixture>
{
    private const int MaxDeliveryCount = 3;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // The test's own queue, so delivery counts and the dead-letter queue hold only this test's messages.
    private static readonly string Queues = $$"""
        { "queues": [ { "name": "work", "lockDuration": "PT30S", "maxDeliveryCount": {{MaxDeliveryCount}}, "defaultMessageTimeToLive": "PT1H", "deadLetteringOnMessageExpiration": false, "requiresDuplicateDetection": false, "maxMessageSizeInKilobytes": 256 } ] }
        """;

    private readonly LocalServicesFixture _services;
    private readonly ITestOutputHelper _output;

    public ServiceBusTriggerTests(LocalServicesFixture services, ITestOutputHelper output)
    {
        _services = services;
        _output = output;
    }

    [SkippableFact]
    public async Task Message_IsConsumedOnce_AndAFailingOne_IsRetriedThenDeadLettered()
    {
        await using var emulator = await ServiceBusEmulatorProcess.StartAsync(Queues);
        Skip.If(emulator is null, $"The Service Bus emulator is not built ({ServiceBusEmulatorProcess.DllPath}); build functions/ServerlessSafety.ServiceBusEmulator to run this test.");
        var app = new TestAppHost(_services, _output, emulator.ConnectionString);
        await using var client = new ServiceBusClient(emulator.ConnectionString);
        await using var sender = client.CreateSender("work");
        await using var host = await app.StartAsync();

        await sender.SendMessageAsync(new ServiceBusMessage(BinaryData.FromObjectAsJson(new WorkItem("good", false))) { MessageId = "m-good" });
        await sender.SendMessageAsync(new ServiceBusMessage(BinaryData.FromObjectAsJson(new WorkItem("bad", true))) { MessageId = "m-bad" });

        await Eventually.HoldsAsync(() => app.Recorder.Count("ConsumeWorkItem", "good:m-good:1"), n => n == 1, Timeout, "the good message");
        await using var deadLetters = client.CreateReceiver("work", new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var dead = await deadLetters.ReceiveMessageAsync(Timeout);

        Assert.NotNull(dead);
        Assert.Equal("m-bad", dead.MessageId);
        Assert.Equal("MaxDeliveryCountExceeded", dead.DeadLetterReason);
        Assert.Equal(
            Enumerable.Range(1, MaxDeliveryCount).Select(n => $"bad:m-bad:{n}"),
            app.Recorder.All.Where(i => i.Function == "ConsumeWorkItem" && i.Detail.StartsWith("bad:", StringComparison.Ordinal)).Select(i => i.Detail));
        Assert.Equal(1, app.Recorder.All.Count(i => i.Detail.StartsWith("good:", StringComparison.Ordinal)));
        // Completed on success: nothing of the good message is left to deliver.
        await using var receiver = client.CreateReceiver("work");
        Assert.Null(await receiver.PeekMessageAsync());
    }
}
