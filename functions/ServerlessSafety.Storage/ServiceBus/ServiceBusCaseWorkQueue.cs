using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Messaging.ServiceBus;
using ServerlessSafety.Domain.Pipeline;

namespace ServerlessSafety.Storage.ServiceBus;

/// <summary>Sends case work to Service Bus queues, one cached sender per queue.</summary>
public sealed class ServiceBusCaseWorkQueue : ICaseWorkQueue, IAsyncDisposable
{
    private readonly ServiceBusClient _client;
    private readonly ConcurrentDictionary<string, ServiceBusSender> _senders = new(StringComparer.Ordinal);

    /// <summary>Creates the queue over a client.</summary>
    public ServiceBusCaseWorkQueue(ServiceBusClient client)
    {
        _client = client;
    }

    /// <inheritdoc />
    public Task SendAsync(string queue, CaseWorkItem item, string deduplicationKey, CancellationToken cancellationToken = default)
    {
        var message = new ServiceBusMessage(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(item, JsonSerializerOptions.Web)))
        {
            // Service Bus detects duplicates by message id within the queue's window; ids are at most 128 characters.
            MessageId = deduplicationKey.Length <= 128 ? deduplicationKey : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(deduplicationKey))),
            ContentType = "application/json",
            CorrelationId = item.CaseId,
            Subject = item.Reason,
        };
        return _senders.GetOrAdd(queue, _client.CreateSender).SendMessageAsync(message, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders.Values)
        {
            await sender.DisposeAsync();
        }
    }
}
