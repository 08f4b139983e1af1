namespace ServerlessSafety.ServiceBusEmulator.Broker;

/// <summary>Whether a settlement applied.</summary>
public enum SettlementResult
{
    /// <summary>Applied (and persisted).</summary>
    Settled,

    /// <summary>The lock expired or the token is unknown: the client sees MessageLockLost.</summary>
    LockLost,
}
