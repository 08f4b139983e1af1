using Azure.Messaging.ServiceBus;
using ServerlessSafety.Domain.Offenders;
using ServerlessSafety.Domain.Pipeline;

namespace ServerlessSafety.Storage.ServiceBus.Offenders;

/// <summary>
/// Sends enforcement events to the <c>enforcement-events</c> queue for the platform to consume. The message id is the
/// event id, so the queue's duplicate detection drops a resend.
/// </summary>
public sealed class ServiceBusEnforcementEventSink : IEnforcementEventSink, IAsyncDisposable
{
    private readonly ServiceBusSender _sender;

    /// <summary>Creates the sink over a client.</summary>
    public ServiceBusEnforcementEventSink(ServiceBusClient client)
    {
        _sender = client.CreateSender(PipelineQueue.EnforcementEvents);
    }

    /// <inheritdoc />
    public Task PublishAsync(EnforcementEvent enforcementEvent, CancellationToken cancellationToken = default)
        => _sender.SendMessageAsync(
            new ServiceBusMessage(EnforcementEventJson.Serialize(enforcementEvent))
            {
                MessageId = enforcementEvent.Id,
                ContentType = "application/json",
                CorrelationId = enforcementEvent.CaseId,
                Subject = enforcementEvent.Kind,
            },
            cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _sender.DisposeAsync();
}
