using ServerlessSafety.ServiceBusEmulator.Broker;

namespace ServerlessSafety.ServiceBusEmulator.Persistence;

/// <summary>One change to the message log. Writes of one call commit together or not at all.</summary>
internal abstract record LogWrite
{
    private LogWrite()
    {
    }

    /// <summary>Inserts or replaces a message of an entity (a queue or its dead-letter queue).</summary>
    public sealed record Put(string Entity, MessageSnapshot Message, DateTime ExpiresAt) : LogWrite;

    /// <summary>Removes a message.</summary>
    public sealed record Delete(string Entity, long SequenceNumber) : LogWrite;

    /// <summary>Records the highest sequence number a queue has handed out, so numbers keep increasing after a restart.</summary>
    public sealed record Sequence(string Queue, long Last) : LogWrite;

    /// <summary>Remembers a MessageId for duplicate detection until <paramref name="ExpiresAt"/>.</summary>
    public sealed record Duplicate(string Queue, string MessageId, DateTime ExpiresAt) : LogWrite;
}
