using System.Collections.Concurrent;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Extensions.Logging;

namespace ServerlessSafety.ServiceBusEmulator.Amqp;

/// <summary>
/// A node clients talk to in requests and responses ($cbs, an entity's $management): requests arrive on one link, and
/// each response goes back, correlated by message id, on the link of the same connection whose target is the
/// request's reply-to address.
/// </summary>
internal abstract class RequestResponseNode(ILogger logger)
{
    /// <summary>The node's logger.</summary>
    protected ILogger Logger { get; } = logger;

    private const uint RequestCredit = 100;
    private readonly ConcurrentDictionary<(AmqpConnection Connection, string Address), SendingAmqpLink> _replyLinks = new();

    /// <summary>Takes a link the client attached to the node.</summary>
    public void Attach(AmqpLink link)
    {
        if (link is ReceivingAmqpLink requests)
        {
            requests.RegisterMessageListener(request => _ = HandleAsync(requests, request));
            requests.SetTotalLinkCredit(RequestCredit, applyNow: true, updateAutoFlow: true);
            return;
        }

        var replies = (SendingAmqpLink)link;
        var key = (replies.Session.Connection, replies.Settings.Address(false)?.ToString() ?? string.Empty);
        if (!_replyLinks.TryAdd(key, replies))
        {
            throw new AmqpException(AmqpErrorCode.NotAllowed, $"A reply link to '{key.Item2}' is already attached.");
        }

        replies.SafeAddClosed((_, _) => _replyLinks.TryRemove(key, out _));
    }

    /// <summary>The response to <paramref name="request"/>, which arrived on <paramref name="connection"/>.</summary>
    protected abstract Task<AmqpMessage> RespondAsync(AmqpMessage request, AmqpConnection connection);

    private async Task HandleAsync(ReceivingAmqpLink link, AmqpMessage request)
    {
        try
        {
            var connection = link.Session.Connection;
            var replyTo = request.Properties?.ReplyTo?.ToString();
            AmqpMessage response;
            try
            {
                response = await RespondAsync(request, connection).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is InvalidCastException or NullReferenceException or KeyNotFoundException or FormatException or ArgumentException)
            {
                Log.MalformedRequest(Logger, exception.GetType().Name);
                response = ManagementResponse.Status(400, "The request is malformed: " + exception.Message, AmqpErrorCode.InvalidField);
            }

            response.Properties.CorrelationId = request.Properties?.MessageId;
            if (!request.Settled)
            {
                link.AcceptMessage(request, settled: true, batchable: false);
            }

            if (replyTo is not null && _replyLinks.TryGetValue((connection, replyTo), out var replies))
            {
                replies.SendMessageNoWait(response, new ArraySegment<byte>(Guid.NewGuid().ToByteArray()), AmqpConstants.NullBinary);
            }
            else
            {
                Log.NoReplyLink(Logger, replyTo ?? "(none)");
                response.Dispose();
            }
        }
        catch (Exception exception) when (exception is AmqpException or ObjectDisposedException or InvalidOperationException)
        {
            Log.RequestFailed(Logger, exception);
        }
        finally
        {
            request.Dispose();
        }
    }
}
