using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Extensions.Logging;
using ServerlessSafety.ServiceBusEmulator.Broker;

namespace ServerlessSafety.ServiceBusEmulator.Amqp;

/// <summary>
/// An entity's $management node: the operations the client performs in requests rather than on links (renew-lock,
/// schedule-message, cancel-scheduled-message, peek-message, receive-by-sequence-number, update-disposition).
/// </summary>
internal sealed class ManagementNode(EmulatedQueue queue, ILogger logger) : RequestResponseNode(logger)
{
    private const int MaxPeekCount = 1000;

    protected override async Task<AmqpMessage> RespondAsync(AmqpMessage request, AmqpConnection connection)
    {
        var operation = request.ApplicationProperties?.Map["operation"] as string;
        var body = request.ValueBody?.Value as AmqpMap ?? new AmqpMap();
        return operation switch
        {
            "com.microsoft:renew-lock" => RenewLock(body),
            "com.microsoft:peek-message" => Peek(body),
            "com.microsoft:schedule-message" => await ScheduleAsync(body).ConfigureAwait(false),
            "com.microsoft:cancel-scheduled-message" => await CancelScheduledAsync(body).ConfigureAwait(false),
            "com.microsoft:receive-by-sequence-number" => await ReceiveBySequenceNumberAsync(body).ConfigureAwait(false),
            "com.microsoft:update-disposition" => await UpdateDispositionAsync(body).ConfigureAwait(false),
            _ => ManagementResponse.Status(501, $"The emulator does not implement '{operation}'.", AmqpErrorCode.NotImplemented),
        };
    }

    private AmqpMessage RenewLock(AmqpMap body)
    {
        var lockTokens = (Guid[])body[new MapKey("lock-tokens")];
        var expirations = new DateTime[lockTokens.Length];
        for (var i = 0; i < lockTokens.Length; i++)
        {
            if (queue.RenewLock(lockTokens[i]) is not { } lockedUntil)
            {
                return LockLost();
            }

            expirations[i] = lockedUntil;
        }

        return ManagementResponse.Ok(new AmqpMap { [new MapKey("expirations")] = expirations });
    }

    private AmqpMessage Peek(AmqpMap body)
    {
        var from = Convert.ToInt64(body[new MapKey("from-sequence-number")], System.Globalization.CultureInfo.InvariantCulture);
        var count = Math.Clamp(Convert.ToInt32(body[new MapKey("message-count")], System.Globalization.CultureInfo.InvariantCulture), 1, MaxPeekCount);
        var messages = queue.Peek(from, count);
        if (messages.Count == 0)
        {
            return ManagementResponse.Status(204, "No messages to peek.");
        }

        var list = messages.Select(m => new AmqpMap { [new MapKey("message")] = AmqpPayload.EncodedForReceiver(m) }).ToList();
        return ManagementResponse.Ok(new AmqpMap { [new MapKey("messages")] = list });
    }

    private async Task<AmqpMessage> ScheduleAsync(AmqpMap body)
    {
        if (queue.DeadLetterQueue is null)
        {
            return ManagementResponse.Status(400, "Messages cannot be scheduled on a dead-letter queue.", AmqpErrorCode.NotAllowed);
        }

        var entries = (IEnumerable<object>)body[new MapKey("messages")];
        var incoming = entries.Cast<AmqpMap>().Select(entry => AmqpPayload.Describe(((ArraySegment<byte>)entry[new MapKey("message")]).ToArray())).ToList();
        if (incoming.Any(m => m.Payload.Length > queue.Settings.MaxMessageSizeBytes))
        {
            return ManagementResponse.Status(400, "A scheduled message exceeds the queue's maximum message size.", AmqpErrorCode.MessageSizeExceeded);
        }

        var sequenceNumbers = await queue.EnqueueAsync(incoming).ConfigureAwait(false);
        return ManagementResponse.Ok(new AmqpMap { [new MapKey("sequence-numbers")] = sequenceNumbers.ToArray() });
    }

    private async Task<AmqpMessage> CancelScheduledAsync(AmqpMap body)
    {
        await queue.CancelScheduledAsync((long[])body[new MapKey("sequence-numbers")]).ConfigureAwait(false);
        return ManagementResponse.Ok(new AmqpMap());
    }

    private async Task<AmqpMessage> ReceiveBySequenceNumberAsync(AmqpMap body)
    {
        var sequenceNumbers = (long[])body[new MapKey("sequence-numbers")];
        var receiveAndDelete = body[new MapKey("receiver-settle-mode")] is uint mode && mode == 0;
        var received = await queue.ReceiveDeferredAsync(sequenceNumbers, receiveAndDelete).ConfigureAwait(false);
        if (received is null)
        {
            return ManagementResponse.Status(404, "A requested message is not a deferred message of this entity.", ManagementResponse.MessageNotFound);
        }

        var list = received.Select(m =>
        {
            var entry = new AmqpMap { [new MapKey("message")] = AmqpPayload.EncodedForReceiver(m) };
            if (m.LockToken is { } lockToken)
            {
                entry[new MapKey("lock-token")] = lockToken;
            }

            return entry;
        }).ToList();
        return ManagementResponse.Ok(new AmqpMap { [new MapKey("messages")] = list });
    }

    private async Task<AmqpMessage> UpdateDispositionAsync(AmqpMap body)
    {
        var lockTokens = (Guid[])body[new MapKey("lock-tokens")];
        var properties = body[new MapKey("properties-to-modify")] is AmqpMap map
            ? map.ToDictionary(p => p.Key.Key.ToString()!, p => (object?)p.Value)
            : null;
        Settlement settlement = (body[new MapKey("disposition-status")] as string) switch
        {
            "completed" => new Settlement.Complete(),
            "abandoned" => new Settlement.Abandon { PropertiesToModify = properties },
            "defered" => new Settlement.Defer { PropertiesToModify = properties },
            "suspended" => new Settlement.DeadLetter(body[new MapKey("deadletter-reason")] as string, body[new MapKey("deadletter-description")] as string) { PropertiesToModify = properties },
            var status => throw new ArgumentException($"Unknown disposition-status '{status}'."),
        };

        foreach (var lockToken in lockTokens)
        {
            if (await queue.SettleAsync(lockToken, settlement).ConfigureAwait(false) == SettlementResult.LockLost)
            {
                return LockLost();
            }
        }

        return ManagementResponse.Ok(new AmqpMap());
    }

    private static AmqpMessage LockLost() =>
        ManagementResponse.Status(410, "The lock supplied is invalid: it expired, or the message was already settled.", ManagementResponse.MessageLockLost);
}
