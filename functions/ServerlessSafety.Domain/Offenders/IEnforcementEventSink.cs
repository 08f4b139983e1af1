namespace ServerlessSafety.Domain.Offenders;

/// <summary>Delivers enforcement events to the platform (a Service Bus queue, a signed webhook).</summary>
/// <remarks>Delivery is at least once: an event may arrive twice, with the same <see cref="EnforcementEvent.Id"/>.</remarks>
public interface IEnforcementEventSink
{
    /// <summary>Delivers one event; throws when it could not be delivered.</summary>
    Task PublishAsync(EnforcementEvent enforcementEvent, CancellationToken cancellationToken = default);
}
