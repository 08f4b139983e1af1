using Azure.Messaging.ServiceBus;

namespace ServerlessSafety.ServiceBusEmulator.Tests;

public sealed class SettlementTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task An_abandoned_message_comes_back_with_its_changed_properties_and_one_more_delivery()
    {
        await using var emulator = TestEmulator.Start();
        await using var sender = emulator.Client.CreateSender(TestEmulator.Queue);
        await sender.SendMessageAsync(new ServiceBusMessage("work") { ApplicationProperties = { ["attempt"] = "first" } });

        await using var receiver = emulator.Client.CreateReceiver(TestEmulator.Queue);
        var first = await receiver.ReceiveMessageAsync(Wait);
        await receiver.AbandonMessageAsync(first, new Dictionary<string, object> { ["attempt"] = "second" });
        var again = await receiver.ReceiveMessageAsync(Wait);

        Assert.Equal(first.SequenceNumber, again.SequenceNumber);
        Assert.Equal(2, again.DeliveryCount);
        Assert.Equal("second", again.ApplicationProperties["attempt"]);
        await receiver.CompleteMessageAsync(again);
    }

    [Fact]
    public async Task After_the_max_delivery_count_the_message_is_dead_lettered_with_its_count()
    {
        await using var emulator = TestEmulator.Start();
        await using var sender = emulator.Client.CreateSender(TestEmulator.Queue);
        await sender.SendMessageAsync(new ServiceBusMessage("poison"));

        await using var receiver = emulator.Client.CreateReceiver(TestEmulator.Queue);
        for (var i = 1; i <= 3; i++)
        {
            var message = await receiver.ReceiveMessageAsync(Wait);
            Assert.Equal(i, message.DeliveryCount);
            await receiver.AbandonMessageAsync(message);
        }

        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(500)));
        await using var deadLetters = emulator.Client.CreateReceiver(TestEmulator.Queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var dead = await deadLetters.ReceiveMessageAsync(Wait);
        Assert.Equal("poison", dead.Body.ToString());
        Assert.Equal("MaxDeliveryCountExceeded", dead.DeadLetterReason);
        Assert.True(dead.DeliveryCount >= 3);
        await deadLetters.CompleteMessageAsync(dead);
    }

    [Fact]
    public async Task A_dead_lettered_message_carries_its_reason_description_and_source()
    {
        await using var emulator = TestEmulator.Start();
        await using var sender = emulator.Client.CreateSender(TestEmulator.Queue);
        await sender.SendMessageAsync(new ServiceBusMessage("bad"));

        await using var receiver = emulator.Client.CreateReceiver(TestEmulator.Queue);
        var message = await receiver.ReceiveMessageAsync(Wait);
        await receiver.DeadLetterMessageAsync(message, new Dictionary<string, object> { ["note"] = "checked" }, "SchemaInvalid", "caseId missing");

        await using var deadLetters = emulator.Client.CreateReceiver(TestEmulator.Queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var dead = await deadLetters.ReceiveMessageAsync(Wait);
        Assert.Equal("SchemaInvalid", dead.DeadLetterReason);
        Assert.Equal("caseId missing", dead.DeadLetterErrorDescription);
        Assert.Equal(TestEmulator.Queue, dead.DeadLetterSource);
        Assert.Equal("checked", dead.ApplicationProperties["note"]);
        Assert.Equal(message.SequenceNumber, dead.SequenceNumber);
        Assert.Null(await receiver.PeekMessageAsync());
    }

    [Fact]
    public async Task A_deferred_message_is_received_only_by_its_sequence_number()
    {
        await using var emulator = TestEmulator.Start();
        await using var sender = emulator.Client.CreateSender(TestEmulator.Queue);
        await sender.SendMessageAsync(new ServiceBusMessage("later"));

        await using var receiver = emulator.Client.CreateReceiver(TestEmulator.Queue);
        var message = await receiver.ReceiveMessageAsync(Wait);
        await receiver.DeferMessageAsync(message);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(500)));
        Assert.Equal(ServiceBusMessageState.Deferred, (await receiver.PeekMessageAsync(0)).State);

        var deferred = await receiver.ReceiveDeferredMessageAsync(message.SequenceNumber);
        Assert.Equal("later", deferred.Body.ToString());
        Assert.Equal(ServiceBusMessageState.Deferred, deferred.State);
        await receiver.CompleteMessageAsync(deferred);
        Assert.Null(await receiver.PeekMessageAsync(0));
        await Assert.ThrowsAsync<ServiceBusException>(() => receiver.ReceiveDeferredMessageAsync(message.SequenceNumber));
    }

    [Fact]
    public async Task Settling_after_the_lock_expired_fails_with_lock_lost_and_the_message_is_delivered_again()
    {
        await using var emulator = TestEmulator.Start();
        await using var sender = emulator.Client.CreateSender(TestEmulator.ShortLockQueue);
        await sender.SendMessageAsync(new ServiceBusMessage("slow"));

        await using var receiver = emulator.Client.CreateReceiver(TestEmulator.ShortLockQueue);
        var message = await receiver.ReceiveMessageAsync(Wait);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var lost = await Assert.ThrowsAsync<ServiceBusException>(() => receiver.CompleteMessageAsync(message));
        Assert.Equal(ServiceBusFailureReason.MessageLockLost, lost.Reason);

        var again = await receiver.ReceiveMessageAsync(Wait);
        Assert.Equal(message.SequenceNumber, again.SequenceNumber);
        Assert.Equal(2, again.DeliveryCount);
        await receiver.CompleteMessageAsync(again);
    }

    [Fact]
    public async Task Renewing_a_lock_keeps_the_message_past_its_lock_duration()
    {
        await using var emulator = TestEmulator.Start();
        await using var sender = emulator.Client.CreateSender(TestEmulator.ShortLockQueue);
        await sender.SendMessageAsync(new ServiceBusMessage("long job"));

        await using var receiver = emulator.Client.CreateReceiver(TestEmulator.ShortLockQueue);
        var message = await receiver.ReceiveMessageAsync(Wait);
        var lockedUntil = message.LockedUntil;
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await receiver.RenewMessageLockAsync(message);
        }

        Assert.True(message.LockedUntil > lockedUntil);
        await receiver.CompleteMessageAsync(message);
        Assert.Null(await receiver.PeekMessageAsync(0));
    }

    [Fact]
    public async Task A_receive_and_delete_receiver_removes_what_it_receives()
    {
        await using var emulator = TestEmulator.Start();
        await using var sender = emulator.Client.CreateSender(TestEmulator.Queue);
        await sender.SendMessageAsync(new ServiceBusMessage("once"));

        await using var receiver = emulator.Client.CreateReceiver(TestEmulator.Queue, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
        Assert.Equal("once", (await receiver.ReceiveMessageAsync(Wait)).Body.ToString());
        Assert.Null(await receiver.PeekMessageAsync(0));
    }
}
