namespace ServerlessSafety.ServiceBusEmulator.Broker;

/// <summary>
/// A message held by a queue: the encoded AMQP message the sender sent (bare message and its annotations) and the
/// broker's own bookkeeping. Mutable, guarded by the owning queue's lock.
/// </summary>
internal sealed class BrokeredMessage
{
    public required long SequenceNumber { get; init; }

    public required byte[] Payload { get; set; }

    public required DateTime EnqueuedTime { get; set; }

    public required DateTime ExpiresAt { get; init; }

    public MessageState State { get; set; }

    public DateTime? ScheduledEnqueueTime { get; set; }

    /// <summary>Deliveries that ended without settlement; the client shows one more while a delivery is in progress.</summary>
    public int DeliveryCount { get; set; }

    public string? DeadLetterSource { get; set; }

    public Guid? LockToken { get; set; }

    public DateTime LockedUntil { get; set; }

    public MessageSnapshot Snapshot() =>
        new(SequenceNumber, Payload, EnqueuedTime, State, ScheduledEnqueueTime, DeliveryCount, DeadLetterSource, LockToken, LockedUntil);
}
