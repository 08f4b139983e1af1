using Microsoft.Extensions.Logging;

namespace ServerlessSafety.ServiceBusEmulator;

/// <summary>The emulator's log messages. Message bodies and tokens are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Listening on 127.0.0.1:{Port}")]
    public static partial void Listening(ILogger logger, int port);

    [LoggerMessage(2, LogLevel.Information, "Queue {Queue}: {Messages} messages and {DeadLetters} dead-lettered restored")]
    public static partial void QueueRestored(ILogger logger, string queue, int messages, int deadLetters);

    [LoggerMessage(3, LogLevel.Information, "Connection {Connection} opened by container {Container}")]
    public static partial void ConnectionOpened(ILogger logger, string connection, string container);

    [LoggerMessage(4, LogLevel.Information, "Connection {Connection} closed")]
    public static partial void ConnectionClosed(ILogger logger, string connection);

    [LoggerMessage(5, LogLevel.Warning, "A connection failed to open")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception);

    [LoggerMessage(6, LogLevel.Debug, "Attached a {Role} link to {Address} on connection {Connection}")]
    public static partial void LinkAttached(ILogger logger, string role, string address, string connection);

    [LoggerMessage(7, LogLevel.Warning, "A put-token on connection {Connection} was refused: the SAS token is not valid")]
    public static partial void TokenRejected(ILogger logger, string connection);

    [LoggerMessage(8, LogLevel.Warning, "A request to a management or $cbs node was malformed ({Error})")]
    public static partial void MalformedRequest(ILogger logger, string error);

    [LoggerMessage(9, LogLevel.Warning, "A request named reply-to {ReplyTo}, which has no attached link")]
    public static partial void NoReplyLink(ILogger logger, string replyTo);

    [LoggerMessage(10, LogLevel.Warning, "A request to a management or $cbs node failed")]
    public static partial void RequestFailed(ILogger logger, Exception exception);

    [LoggerMessage(11, LogLevel.Error, "A message sent to {Entity} could not be stored")]
    public static partial void SendFailed(ILogger logger, string entity, Exception exception);

    [LoggerMessage(12, LogLevel.Warning, "A settlement on {Entity} failed")]
    public static partial void SettlementFailed(ILogger logger, string entity, Exception exception);

    [LoggerMessage(13, LogLevel.Error, "Committing {Count} writes to the message log failed")]
    public static partial void LogWriteFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(14, LogLevel.Error, "The timer pass over the queues failed")]
    public static partial void TickFailed(ILogger logger, Exception exception);
}
