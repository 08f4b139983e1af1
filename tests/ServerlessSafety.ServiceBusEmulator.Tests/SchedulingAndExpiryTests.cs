using Azure.Messaging.ServiceBus;

namespace ServerlessSafety.ServiceBusEmulator.Tests;

public sealed class SchedulingAndExpiryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_scheduled_message_stays_scheduled_until_its_time_and_can_be_cancelled()
    {
        await using var emulator = TestEmulator.Start();
        await using var sender = emulator.Client.CreateSender(TestEmulator.Queue);
        var soon = await sender.ScheduleMessageAsync(new ServiceBusMessage("soon"), DateTimeOffset.UtcNow.AddSeconds(1.5));
        var cancelled = await sender.ScheduleMessageAsync(new ServiceBusMessage("never"), DateTimeOffset.UtcNow.AddSeconds(1.5));
        await sender.CancelScheduledMessageAsync(cancelled);

        await using var receiver = emulator.Client.CreateReceiver(TestEmulator.Queue);
        var peeked = await receiver.PeekMessageAsync(0);
        Assert.Equal(soon, peeked.SequenceNumber);
        Assert.Equal(ServiceBusMessageState.Scheduled, peeked.State);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(300)));

        var due = await receiver.ReceiveMessageAsync(Wait);
        Assert.Equal("soon", due.Body.ToString());
        Assert.Equal(ServiceBusMessageState.Active, due.State);
        await receiver.CompleteMessageAsync(due);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_message_sent_with_a_scheduled_enqueue_time_waits_for_it()
    {
        await using var emulator = TestEmulator.Start();
        await using var sender = emulator.Client.CreateSender(TestEmulator.Queue);
        // Far enough ahead that opening the receiver on a loaded machine does not reach it first.
        await sender.SendMessageAsync(new ServiceBusMessage("timed") { ScheduledEnqueueTime = DateTimeOffset.UtcNow.AddSeconds(5) });

        await using var receiver = emulator.Client.CreateReceiver(TestEmulator.Queue);
        Assert.Equal(ServiceBusMessageState.Scheduled, (await receiver.PeekMessageAsync(0)).State);
        Assert.Equal("timed", (await receiver.ReceiveMessageAsync(Wait * 3)).Body.ToString());
    }

    [Fact]
    public async Task An_expired_message_moves_to_the_dead_letter_queue_when_the_queue_says_so()
    {
        await using var emulator = TestEmulator.Start();
        await using var sender = emulator.Client.CreateSender(TestEmulator.ShortLivedQueue);
        await sender.SendMessageAsync(new ServiceBusMessage("stale"));
        await using var ownTtl = emulator.Client.CreateSender(TestEmulator.Queue);
        await ownTtl.SendMessageAsync(new ServiceBusMessage("own ttl") { TimeToLive = TimeSpan.FromMilliseconds(500) });
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        await using var receiver = emulator.Client.CreateReceiver(TestEmulator.ShortLivedQueue);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(300)));
        await using var deadLetters = emulator.Client.CreateReceiver(TestEmulator.ShortLivedQueue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var dead = await deadLetters.ReceiveMessageAsync(Wait);
        Assert.Equal("stale", dead.Body.ToString());
        Assert.Equal("TTLExpiredException", dead.DeadLetterReason);

        await using var ownTtlDeadLetters = emulator.Client.CreateReceiver(TestEmulator.Queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        Assert.Equal("own ttl", (await ownTtlDeadLetters.ReceiveMessageAsync(Wait)).Body.ToString());
    }
}
