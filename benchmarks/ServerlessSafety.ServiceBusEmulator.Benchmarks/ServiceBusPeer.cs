using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Messaging.ServiceBus;

namespace ServerlessSafety.ServiceBusEmulator.Benchmarks;

/// <summary>The emulator through the real Azure.Messaging.ServiceBus client: send, peek-lock receive, complete.</summary>
internal sealed class ServiceBusPeer(string connectionString, string queue) : IQueuePeer
{
    private readonly ServiceBusClient _client = new(connectionString);
    private readonly ConcurrentDictionary<int, ServiceBusReceiver> _receivers = new();
    private ServiceBusSender? _sender;

    public string Name => "Service Bus emulator";

    public Task SendAsync(string body)
    {
        _sender ??= _client.CreateSender(queue);
        return _sender.SendMessageAsync(new ServiceBusMessage(body));
    }

    public async Task<int> ReceiveAndSettleAsync(int worker, int max, Action<TimeSpan> settled)
    {
        var receiver = _receivers.GetOrAdd(worker, _ => _client.CreateReceiver(queue));
        var started = Stopwatch.GetTimestamp();
        var messages = await receiver.ReceiveMessagesAsync(max, TimeSpan.FromSeconds(2));
        await Task.WhenAll(messages.Select(async m =>
        {
            await receiver.CompleteMessageAsync(m);
            settled(Stopwatch.GetElapsedTime(started));
        }));
        return messages.Count;
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
