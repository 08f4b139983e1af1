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

    [Fact]
    public async Task A_batch_arrives_as_its_separate_messages_in_order()
    {
        await using var emulator = TestEmulator.Start();
        await using var sender = emulator.Client.CreateSender(TestEmulator.Queue);
        using var batch = await sender.CreateMessageBatchAsync();
        for (var i = 0; i < 20; i++)
        {
            Assert.True(batch.TryAddMessage(new ServiceBusMessage($"m{i}")));
        }

        await sender.SendMessagesAsync(batch);
        await sender.SendMessagesAsync([new ServiceBusMessage("list-1"), new ServiceBusMessage("list-2")]);

        await using var receiver = emulator.Client.CreateReceiver(TestEmulator.Queue, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
        var bodies = new List<string>();
        while (bodies.Count < 22 && await receiver.ReceiveMessagesAsync(50, Wait) is { Count: > 0 } received)
        {
            bodies.AddRange(received.Select(m => m.Body.ToString()));
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"m{i}").Append("list-1").Append("list-2"), bodies);
        Assert.Null(await receiver.PeekMessageAsync());
    }

    [Fact]
    public async Task The_senders_link_advertises_the_queues_maximum_and_a_larger_message_is_refused()
    {
        await using var emulator = TestEmulator.Start();
        await using var sender = emulator.Client.CreateSender(TestEmulator.Queue);
        using var batch = await sender.CreateMessageBatchAsync();
        Assert.Equal(64 * 1024, batch.MaxSizeInBytes);

        var tooLarge = new ServiceBusMessage(new byte[70 * 1024]);
        var refused = await Assert.ThrowsAsync<ServiceBusException>(() => sender.SendMessageAsync(tooLarge));
        Assert.Equal(ServiceBusFailureReason.MessageSizeExceeded, refused.Reason);
    }

    [Fact]
    public async Task A_message_id_seen_within_the_window_is_dropped_on_a_queue_with_duplicate_detection()
    {
        await using var emulator = TestEmulator.Start();
        await using var sender = emulator.Client.CreateSender(TestEmulator.Queue);
        await sender.SendMessageAsync(new ServiceBusMessage("one") { MessageId = "case-1:triage" });
        await sender.SendMessageAsync(new ServiceBusMessage("again") { MessageId = "case-1:triage" });
        await sender.SendMessageAsync(new ServiceBusMessage("other") { MessageId = "case-2:triage" });

        await using var receiver = emulator.Client.CreateReceiver(TestEmulator.Queue);
        var peeked = await receiver.PeekMessagesAsync(10);
        Assert.Equal(["one", "other"], peeked.Select(m => m.Body.ToString()));
    }

    [Fact]
    public async Task Peek_shows_every_message_from_a_sequence_number_without_locking_it()
    {
        await using var emulator = TestEmulator.Start();
        await using var sender = emulator.Client.CreateSender(TestEmulator.Queue);
        for (var i = 0; i < 5; i++)
        {
            await sender.SendMessageAsync(new ServiceBusMessage($"p{i}"));
        }

        await using var receiver = emulator.Client.CreateReceiver(TestEmulator.Queue);
        var all = await receiver.PeekMessagesAsync(10, fromSequenceNumber: 0);
        var tail = await receiver.PeekMessagesAsync(10, fromSequenceNumber: all[3].SequenceNumber);
        Assert.Equal(5, all.Count);
        Assert.Equal(["p3", "p4"], tail.Select(m => m.Body.ToString()));
        Assert.Equal(1, (await receiver.ReceiveMessageAsync(Wait)).DeliveryCount);
    }

    [Fact]
    public async Task An_address_that_is_no_queue_is_reported_as_entity_not_found()
    {
        await using var emulator = TestEmulator.Start();
        await using var sender = emulator.Client.CreateSender("no-such-queue");
        var missing = await Assert.ThrowsAsync<ServiceBusException>(() => sender.SendMessageAsync(new ServiceBusMessage("x")));
        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, missing.Reason);
    }

    [Fact]
    public async Task A_client_with_the_wrong_key_is_refused()
    {
        await using var emulator = TestEmulator.Start();
        var wrongKey = emulator.ConnectionString.Replace(emulator.Options.Key, Convert.ToBase64String(new byte[32]), StringComparison.Ordinal);
        await using var client = new ServiceBusClient(wrongKey, TestEmulator.ClientOptions);
        await using var sender = client.CreateSender(TestEmulator.Queue);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => sender.SendMessageAsync(new ServiceBusMessage("x")));

        await using var receiver = emulator.Client.CreateReceiver(TestEmulator.Queue);
        Assert.Null(await receiver.PeekMessageAsync());
    }
}
