using Azure.Messaging.ServiceBus;

namespace ServerlessSafety.ServiceBusEmulator.Tests;

public sealed class SendReceiveTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_peek_locked_message_arrives_with_the_brokers_annotations_and_is_gone_once_completed()
    {
        await using var emulator = TestEmulator.Start();
        await using var sender = emulator.Client.CreateSender(TestEmulator.Queue);
        await sender.SendMessageAsync(new ServiceBusMessage("first") { MessageId = "m1", Subject = "s", ApplicationProperties = { ["caseId"] = "c-1" } });
        await sender.SendMessageAsync(new ServiceBusMessage("second") { MessageId = "m2" });

        await using var receiver = emulator.Client.CreateReceiver(TestEmulator.Queue);
        var first = await receiver.ReceiveMessageAsync(Wait);
        var second = await receiver.ReceiveMessageAsync(Wait);

        Assert.Equal("first", first.Body.ToString());
        Assert.Equal("c-1", first.ApplicationProperties["caseId"]);
        Assert.Equal("s", first.Subject);
        Assert.Equal(1, first.DeliveryCount);
        Assert.True(second.SequenceNumber > first.SequenceNumber);
        Assert.InRange(first.EnqueuedTime, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.True(first.LockedUntil > DateTimeOffset.UtcNow);
        Assert.NotEqual(Guid.Empty.ToString(), first.LockToken);

        await receiver.CompleteMessageAsync(first);
        await receiver.CompleteMessageAsync(second);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(500)));
        Assert.Null(await receiver.PeekMessageAsync());
    }
}
