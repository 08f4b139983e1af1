namespace ServerlessSafety.ServiceBusEmulator.Broker;

/// <summary>The values of the x-opt-message-state annotation the client reads as ServiceBusMessageState.</summary>
public enum MessageState
{
    /// <summary>Available to receivers.</summary>
    Active = 0,

    /// <summary>Set aside by its receiver; only receive-by-sequence-number returns it.</summary>
    Deferred = 1,

    /// <summary>Waiting for its scheduled enqueue time.</summary>
    Scheduled = 2,
}
