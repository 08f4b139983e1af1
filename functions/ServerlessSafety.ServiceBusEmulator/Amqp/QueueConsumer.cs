using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Extensions.Logging;
using ServerlessSafety.ServiceBusEmulator.Broker;

namespace ServerlessSafety.ServiceBusEmulator.Amqp;

/// <summary>
/// A receiver's link to a queue. In peek-lock mode the delivery tag is the lock token, and the receiver's disposition
/// settles the message: accepted completes, modified abandons (or defers, when undeliverable-here), rejected
/// dead-letters, released gives it back. Every settlement is answered with accepted, or with
/// com.microsoft:message-lock-lost when the lock is gone, which is what the client expects.
/// </summary>
internal sealed class QueueConsumer(SendingAmqpLink link, EmulatedQueue queue, ILogger logger) : IMessageConsumer
{
    private static readonly Rejected LockLost = new()
    {
        Error = new Error { Condition = ManagementResponse.MessageLockLost, Description = "The lock supplied is invalid: it expired, or the message was already settled." },
    };

    public bool ReceiveAndDelete { get; } = link.Settings.SettleType == SettleMode.SettleOnSend;

    public void Attach()
    {
        queue.AddConsumer(this);
        link.RegisterCreditListener((credit, drain, _) => queue.AddCredit(this, (int)Math.Min(credit, 100_000u), drain));
        link.RegisterDispositionListener(delivery => _ = SettleAsync(delivery));
        link.SafeAddClosed((_, _) => queue.RemoveConsumer(this));
    }

    public void Deliver(MessageSnapshot message)
    {
        var tag = (message.LockToken ?? Guid.NewGuid()).ToByteArray();
        link.SendMessageNoWait(AmqpPayload.ForReceiver(message), new ArraySegment<byte>(tag), AmqpConstants.NullBinary);
    }

    private async Task SettleAsync(Delivery delivery)
    {
        try
        {
            if (ReceiveAndDelete || delivery.DeliveryTag.Count != 16 || ToSettlement(delivery.State) is not { } settlement)
            {
                return;
            }

            var result = await queue.SettleAsync(new Guid(delivery.DeliveryTag.AsSpan()), settlement).ConfigureAwait(false);
            if (!delivery.Settled)
            {
                link.DisposeDelivery(delivery, true, result == SettlementResult.Settled ? AmqpConstants.AcceptedOutcome : LockLost);
            }
        }
        catch (Exception exception) when (exception is AmqpException or ObjectDisposedException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            Log.SettlementFailed(logger, queue.EntityPath, exception);
        }
    }

    private static Settlement? ToSettlement(DeliveryState? state) => state switch
    {
        Accepted => new Settlement.Complete(),
        Released => new Settlement.Release(),
        Modified modified => modified.UndeliverableHere == true
            ? new Settlement.Defer { PropertiesToModify = Properties(modified.MessageAnnotations) }
            : new Settlement.Abandon { PropertiesToModify = Properties(modified.MessageAnnotations) },
        Rejected rejected => DeadLetter(rejected.Error?.Info),
        _ => null,
    };

    private static Settlement.DeadLetter DeadLetter(Fields? info)
    {
        var properties = Properties(info) ?? new Dictionary<string, object?>();
        var reason = properties.Remove("DeadLetterReason", out var r) ? r as string : null;
        var description = properties.Remove("DeadLetterErrorDescription", out var d) ? d as string : null;
        return new Settlement.DeadLetter(reason, description) { PropertiesToModify = properties };
    }

    private static Dictionary<string, object?>? Properties(Fields? fields) =>
        fields?.ToDictionary(p => p.Key.Key.ToString()!, p => (object?)p.Value);
}
