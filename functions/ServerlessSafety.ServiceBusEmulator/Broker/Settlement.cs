namespace ServerlessSafety.ServiceBusEmulator.Broker;

/// <summary>How a receiver settles a locked message, as the client's dispositions and update-disposition express it.</summary>
public abstract record Settlement
{
    private Settlement()
    {
    }

    /// <summary>Properties the receiver asked to change on the message (abandon, defer, dead-letter).</summary>
    public IReadOnlyDictionary<string, object?>? PropertiesToModify { get; init; }

    /// <summary>Removes the message.</summary>
    public sealed record Complete : Settlement;

    /// <summary>Makes the message available again; counts as a delivery.</summary>
    public sealed record Abandon : Settlement;

    /// <summary>Sets the message aside for receive-by-sequence-number.</summary>
    public sealed record Defer : Settlement;

    /// <summary>Moves the message to the dead-letter queue.</summary>
    public sealed record DeadLetter(string? Reason, string? Description) : Settlement;

    /// <summary>The client gave the message back without processing it (AMQP released); not a delivery.</summary>
    public sealed record Release : Settlement;
}
