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

    /// <summary>Records a message's new state, enqueued time and delivery count; its payload is unchanged and not rewritten.</summary>
    public sealed record Progress(string Entity, long SequenceNumber, MessageState State, DateTime EnqueuedTime, int DeliveryCount) : LogWrite
    {
        public static Progress Of(string entity, BrokeredMessage message, int? deliveryCount = null) =>
            new(entity, message.SequenceNumber, message.State, message.EnqueuedTime, deliveryCount ?? message.DeliveryCount);
    }

    /// <summary>Removes a message.</summary>
    public sealed record Delete(string Entity, long SequenceNumber) : LogWrite;

    /// <summary>Records the highest sequence number a queue has handed out, so numbers keep increasing after a restart.</summary>
    public sealed record Sequence(string Queue, long Last) : LogWrite;

    /// <summary>Remembers a MessageId for duplicate detection until <paramref name="ExpiresAt"/>.</summary>
    public sealed record Duplicate(string Queue, string MessageId, DateTime ExpiresAt) : LogWrite;

    /// <summary>Forgets duplicate-detection entries whose window ended before <paramref name="Before"/>.</summary>
    public sealed record PruneDuplicates(DateTime Before) : LogWrite;
}
