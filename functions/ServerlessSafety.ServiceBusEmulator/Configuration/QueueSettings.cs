namespace ServerlessSafety.ServiceBusEmulator.Configuration;

/// <summary>One queue as config/servicebus.json declares it; the same properties ARM takes for a Service Bus queue.</summary>
public sealed record QueueSettings
{
    /// <summary>The queue's name, the entity path clients address.</summary>
    public required string Name { get; init; }

    /// <summary>How long a peek-lock receiver holds a message before it is handed out again.</summary>
    public TimeSpan LockDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Deliveries after which a message moves to the dead-letter queue with reason MaxDeliveryCountExceeded.</summary>
    public int MaxDeliveryCount { get; init; } = 10;

    /// <summary>Time to live of a message that sets none (or a longer one).</summary>
    public TimeSpan DefaultMessageTimeToLive { get; init; } = TimeSpan.FromDays(14);

    /// <summary>Whether an expired message moves to the dead-letter queue instead of being discarded.</summary>
    public bool DeadLetteringOnMessageExpiration { get; init; }

    /// <summary>Whether a message whose MessageId was seen within the window is dropped (and acknowledged).</summary>
    public bool RequiresDuplicateDetection { get; init; }

    /// <summary>The window of duplicate detection.</summary>
    public TimeSpan DuplicateDetectionHistoryTimeWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The largest message (or batch) a sender may send, in bytes.</summary>
    public long MaxMessageSizeBytes { get; init; } = 256 * 1024;
}
