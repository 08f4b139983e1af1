namespace ServerlessSafety.ServiceBusEmulator.Broker;

/// <summary>A message's state at the moment it is handed to a receiver or a peek; safe to read outside the queue's lock.</summary>
public sealed record MessageSnapshot(
    long SequenceNumber,
    byte[] Payload,
    DateTime EnqueuedTime,
    MessageState State,
    DateTime? ScheduledEnqueueTime,
    int DeliveryCount,
    string? DeadLetterSource,
    Guid? LockToken,
    DateTime LockedUntil);
