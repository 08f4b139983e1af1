using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Extensions.Logging;
using ServerlessSafety.ServiceBusEmulator.Broker;

namespace ServerlessSafety.ServiceBusEmulator.Amqp;

/// <summary>A sender's link to a queue: each delivery (a message or a batch) is accepted only once it is durable.</summary>
internal static class QueueIngress
{
    private const uint Credit = 1000;

    public static void Attach(ReceivingAmqpLink link, EmulatedQueue queue, ILogger logger)
    {
        link.RegisterMessageListener(message => _ = AcceptAsync(link, queue, message, logger));
        link.SetTotalLinkCredit(Credit, applyNow: true, updateAutoFlow: true);
    }

    private static async Task AcceptAsync(ReceivingAmqpLink link, EmulatedQueue queue, AmqpMessage delivery, ILogger logger)
    {
        try
        {
            if (delivery.SerializedMessageSize > queue.Settings.MaxMessageSizeBytes)
            {
                link.DisposeMessage(delivery, Rejection(AmqpErrorCode.MessageSizeExceeded,
                    $"The message ({delivery.SerializedMessageSize} bytes) exceeds the maximum size of '{queue.EntityPath}' ({queue.Settings.MaxMessageSizeBytes} bytes)."), settled: true, batchable: false);
                return;
            }

            var messages = AmqpPayload.Split(delivery).Select(AmqpPayload.Describe).ToList();
            await queue.EnqueueAsync(messages).ConfigureAwait(false);
            link.DisposeMessage(delivery, AmqpConstants.AcceptedOutcome, settled: true, batchable: false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log.SendFailed(logger, queue.EntityPath, exception);
            link.DisposeMessage(delivery, Rejection(AmqpErrorCode.InternalError, "The emulator could not store the message."), settled: true, batchable: false);
        }
        finally
        {
            delivery.Dispose();
        }
    }

    private static Rejected Rejection(Microsoft.Azure.Amqp.Encoding.AmqpSymbol condition, string description) =>
        new() { Error = new Error { Condition = condition, Description = description } };
}
