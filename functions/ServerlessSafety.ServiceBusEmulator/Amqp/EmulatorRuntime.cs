using System.Collections.Concurrent;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Azure.Amqp.Transport;
using Microsoft.Extensions.Logging;
using ServerlessSafety.ServiceBusEmulator.Broker;

namespace ServerlessSafety.ServiceBusEmulator.Amqp;

/// <summary>
/// Decides what each link a client attaches is: the $cbs node, an entity's $management node, a sender to a queue or a
/// receiver from a queue or its dead-letter queue. Entity links need a $cbs grant that covers the entity.
/// </summary>
internal sealed class EmulatorRuntime(EmulatedNamespace entities, CbsNode cbs, ConnectionGrants grants, ILogger logger) : IRuntimeProvider
{
    private const string ManagementSuffix = "/$management";
    private readonly ConcurrentDictionary<string, ManagementNode> _management = new(StringComparer.OrdinalIgnoreCase);

    public AmqpConnection CreateConnection(TransportBase transport, ProtocolHeader protocolHeader, bool isInitiator, AmqpSettings amqpSettings, AmqpConnectionSettings connectionSettings) =>
        new(transport, protocolHeader, false, amqpSettings, connectionSettings);

    public AmqpSession CreateSession(AmqpConnection connection, AmqpSessionSettings settings) =>
        throw new InvalidOperationException("The emulator does not begin sessions of its own.");

    public AmqpLink CreateLink(AmqpSession session, AmqpLinkSettings settings)
    {
        var serverReceives = settings.Role == true;
        var (entity, _) = Resolve(serverReceives ? (settings.Target as Target)?.Address : (settings.Source as Source)?.Address);
        if (entities.Find(entity) is { } queue)
        {
            settings.MaxMessageSize = (ulong)queue.Settings.MaxMessageSizeBytes;
        }

        return serverReceives ? new ReceivingAmqpLink(session, settings) : new SendingAmqpLink(session, settings);
    }

    public IAsyncResult BeginOpenLink(AmqpLink link, TimeSpan timeout, AsyncCallback callback, object state)
    {
        var address = link.IsReceiver ? (link.Settings.Target as Target)?.Address : (link.Settings.Source as Source)?.Address;
        var (entity, management) = Resolve(address);
        if (entity == CbsNode.Address)
        {
            cbs.Attach(link);
            return new CompletedOpen(callback, state);
        }

        var queue = entities.Find(entity)
            ?? throw new AmqpException(AmqpErrorCode.NotFound, $"The messaging entity '{entity}' could not be found.");
        if (!grants.Covers(link.Session.Connection, entity))
        {
            throw new AmqpException(AmqpErrorCode.UnauthorizedAccess, $"No valid SAS token for '{entity}' was put on $cbs.");
        }

        if (management)
        {
            _management.GetOrAdd(queue.EntityPath, _ => new ManagementNode(queue, logger)).Attach(link);
        }
        else if (link is ReceivingAmqpLink ingress)
        {
            if (queue.DeadLetterQueue is null)
            {
                throw new AmqpException(AmqpErrorCode.NotAllowed, $"'{entity}' is a dead-letter queue; messages cannot be sent to it.");
            }

            QueueIngress.Attach(ingress, queue, logger);
        }
        else
        {
            new QueueConsumer((SendingAmqpLink)link, queue, logger).Attach();
        }

        Log.LinkAttached(logger, link.IsReceiver ? "sender" : "receiver", address?.ToString() ?? string.Empty, link.Session.Connection.Identifier.ToString());
        return new CompletedOpen(callback, state);
    }

    public void EndOpenLink(IAsyncResult result)
    {
    }

    /// <summary>The entity path (no leading slash) and whether the address is the entity's $management node.</summary>
    private static (string Entity, bool Management) Resolve(Address? address)
    {
        var path = address?.ToString() ?? string.Empty;
        if (Uri.TryCreate(path, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps" or "sb")
        {
            path = uri.AbsolutePath;
        }

        path = path.Trim('/');
        return path.EndsWith(ManagementSuffix, StringComparison.OrdinalIgnoreCase)
            ? (path[..^ManagementSuffix.Length], true)
            : (path, false);
    }

    private sealed class CompletedOpen : IAsyncResult
    {
        public CompletedOpen(AsyncCallback callback, object state)
        {
            AsyncState = state;
            callback(this);
        }

        public object AsyncState { get; }

        public WaitHandle AsyncWaitHandle => throw new NotSupportedException();

        public bool CompletedSynchronously => true;

        public bool IsCompleted => true;
    }
}
