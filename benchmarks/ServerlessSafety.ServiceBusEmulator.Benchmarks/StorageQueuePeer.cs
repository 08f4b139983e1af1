using System.Diagnostics;
using Azure.Storage.Queues;

namespace ServerlessSafety.ServiceBusEmulator.Benchmarks;

/// <summary>Azurite's Storage Queue through Azure.Storage.Queues: send, receive (with visibility timeout), delete.</summary>
internal sealed class StorageQueuePeer : IQueuePeer
{
    private readonly QueueClient _queue;

    private StorageQueuePeer(QueueClient queue) => _queue = queue;

    public string Name => "Azurite Storage Queue";

    public static async Task<StorageQueuePeer> CreateAsync(string connectionString, string name)
    {
        var queue = new QueueClient(connectionString, name);
        await queue.CreateIfNotExistsAsync();
        return new StorageQueuePeer(queue);
    }

    public Task SendAsync(string body) => _queue.SendMessageAsync(body);

    public async Task<int> ReceiveAndSettleAsync(int worker, int max, Action<TimeSpan> settled)
    {
        var started = Stopwatch.GetTimestamp();
        var messages = (await _queue.ReceiveMessagesAsync(Math.Min(max, 32), TimeSpan.FromMinutes(1))).Value;
        await Task.WhenAll(messages.Select(async m =>
        {
            await _queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
            settled(Stopwatch.GetElapsedTime(started));
        }));
        return messages.Length;
    }

    public async ValueTask DisposeAsync() => await _queue.DeleteIfExistsAsync();
}
