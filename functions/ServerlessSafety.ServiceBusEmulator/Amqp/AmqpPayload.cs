using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;
using ServerlessSafety.ServiceBusEmulator.Broker;

namespace ServerlessSafety.ServiceBusEmulator.Amqp;

/// <summary>
/// Converts between the encoded AMQP messages the broker stores and the messages on the wire: what a sender's
/// message says, the annotations a receiver expects, and edits to application properties.
/// </summary>
internal static class AmqpPayload
{
    /// <summary>The message format of a batch: a message whose Data sections are each an encoded message.</summary>
    public const uint BatchFormat = 0x80013700;

    private const string ScheduledEnqueueTime = "x-opt-scheduled-enqueue-time";

    /// <summary>The encoded messages a sender's delivery carries: one, or each message of a batch.</summary>
    public static IReadOnlyList<byte[]> Split(AmqpMessage delivery)
    {
        if (delivery.MessageFormat != BatchFormat)
        {
            return [Encoded(delivery)];
        }

        return delivery.DataBody.Select(data => ((ArraySegment<byte>)data.Value).ToArray()).ToList();
    }

    /// <summary>What the broker acts on in an encoded message.</summary>
    public static IncomingMessage Describe(byte[] payload)
    {
        using var message = Decode(payload, payloadInitialized: true);
        var messageId = message.Properties?.MessageId?.ToString();
        var ttl = message.Header?.Ttl is { } milliseconds and > 0 ? TimeSpan.FromMilliseconds(milliseconds) : (TimeSpan?)null;
        DateTime? scheduled = message.MessageAnnotations?.Map[ScheduledEnqueueTime] is DateTime at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null;
        return new IncomingMessage(payload, messageId, ttl, scheduled);
    }

    /// <summary>The message with its application properties changed (a null value removes the property).</summary>
    public static byte[] WithApplicationProperties(byte[] payload, IReadOnlyDictionary<string, object?> properties)
    {
        using var message = Decode(payload, payloadInitialized: false);
        message.ApplicationProperties ??= new ApplicationProperties();
        var map = message.ApplicationProperties.Map;
        foreach (var (name, value) in properties)
        {
            if (value is null)
            {
                map.TryRemoveValue<object>(new MapKey(name), out _);
            }
            else
            {
                map[name] = value;
            }
        }

        return Concat(message.GetPayload());
    }

    /// <summary>
    /// The message as a receiver gets it: the sender's message with the broker's annotations (sequence number,
    /// enqueued time, lock, state, dead-letter source) and the count of earlier deliveries in its header.
    /// </summary>
    public static AmqpMessage ForReceiver(MessageSnapshot snapshot)
    {
        var message = Decode(snapshot.Payload, payloadInitialized: false);
        message.Header.DeliveryCount = (uint)snapshot.DeliveryCount;
        var annotations = message.MessageAnnotations.Map;
        annotations["x-opt-sequence-number"] = snapshot.SequenceNumber;
        annotations["x-opt-enqueue-sequence-number"] = snapshot.SequenceNumber;
        annotations["x-opt-enqueued-time"] = snapshot.EnqueuedTime;
        if (snapshot.LockToken is not null)
        {
            annotations["x-opt-locked-until"] = snapshot.LockedUntil;
        }

        if (snapshot.State != MessageState.Active)
        {
            annotations["x-opt-message-state"] = (int)snapshot.State;
        }

        if (snapshot.DeadLetterSource is not null)
        {
            annotations["x-opt-deadletter-source"] = snapshot.DeadLetterSource;
        }

        return message;
    }

    /// <summary>The encoded form of <see cref="ForReceiver"/>, as management responses carry messages.</summary>
    public static ArraySegment<byte> EncodedForReceiver(MessageSnapshot snapshot)
    {
        using var message = ForReceiver(snapshot);
        return new ArraySegment<byte>(Concat(message.GetPayload()));
    }

    /// <summary>The bytes of a message the link received.</summary>
    public static byte[] Encoded(AmqpMessage received)
    {
        using var stream = (BufferListStream)((BufferListStream)received.ToStream()).Clone();
        stream.Position = 0;
        return stream.ReadBytes((int)stream.Length).ToArray();
    }

    private static AmqpMessage Decode(byte[] payload, bool payloadInitialized) =>
        AmqpMessage.CreateAmqpStreamMessage(new BufferListStream([new ArraySegment<byte>(payload)]), payloadInitialized);

    private static byte[] Concat(ArraySegment<byte>[] segments)
    {
        var bytes = new byte[segments.Sum(s => s.Count)];
        var offset = 0;
        foreach (var segment in segments)
        {
            segment.CopyTo(bytes, offset);
            offset += segment.Count;
        }

        return bytes;
    }
}
