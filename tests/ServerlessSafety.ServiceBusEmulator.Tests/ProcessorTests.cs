using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;

namespace ServerlessSafety.ServiceBusEmulator.Tests;

public sealed class ProcessorTests
{
    [Fact]
    public async Task A_processor_with_concurrent_handlers_completes_every_message_once_and_renews_locks_of_slow_ones()
    {
        await using var emulator = TestEmulator.Start();
        await using var sender = emulator.Client.CreateSender(TestEmulator.ShortLockQueue);
        await sender.SendMessagesAsync(Enumerable.Range(0, 40).Select(i => new ServiceBusMessage($"job{i}") { ApplicationProperties = { ["slow"] = i < 2 } }));

        var handled = new ConcurrentDictionary<string, int>();
        var concurrent = 0;
        var maxConcurrent = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var processor = emulator.Client.CreateProcessor(TestEmulator.ShortLockQueue, new ServiceBusProcessorOptions
        {
            MaxConcurrentCalls = 4,
            MaxAutoLockRenewalDuration = TimeSpan.FromSeconds(30),
        });
        processor.ProcessMessageAsync += async args =>
        {
            var now = Interlocked.Increment(ref concurrent);
            InterlockedMax(ref maxConcurrent, now);
            // Longer than the queue's 2 s lock: only renewal keeps the message from being handed out again.
            await Task.Delay((bool)args.Message.ApplicationProperties["slow"] ? TimeSpan.FromSeconds(4) : TimeSpan.FromMilliseconds(50));
            Interlocked.Decrement(ref concurrent);
            handled.AddOrUpdate(args.Message.Body.ToString(), 1, (_, n) => n + 1);
            if (handled.Count == 40)
            {
                done.TrySetResult();
            }
        };
        processor.ProcessErrorAsync += args =>
        {
            done.TrySetException(args.Exception);
            return Task.CompletedTask;
        };

        await processor.StartProcessingAsync();
        await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await processor.StopProcessingAsync();

        Assert.Equal(40, handled.Count);
        Assert.All(handled.Values, n => Assert.Equal(1, n));
        Assert.True(maxConcurrent > 1, $"handlers ran one at a time ({maxConcurrent})");
        await using var receiver = emulator.Client.CreateReceiver(TestEmulator.ShortLockQueue);
        Assert.Null(await receiver.PeekMessageAsync(0));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }
}
