using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Azure.Amqp.Sasl;
using Microsoft.Azure.Amqp.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessSafety.ServiceBusEmulator.Amqp;
using ServerlessSafety.ServiceBusEmulator.Broker;
using ServerlessSafety.ServiceBusEmulator.Configuration;

namespace ServerlessSafety.ServiceBusEmulator;

/// <summary>
/// The Service Bus emulator: an AMQP 1.0 listener on 127.0.0.1 that the unmodified Azure.Messaging.ServiceBus client
/// accepts with a connection string carrying UseDevelopmentEmulator=true. Run it as a process (Program) or in-process
/// from a test.
/// </summary>
public sealed class ServiceBusEmulatorServer : IAsyncDisposable
{
    private readonly EmulatedNamespace _entities;
    private readonly AmqpSettings _settings;
    private readonly ConcurrentDictionary<AmqpConnection, byte> _connections = new();
    private readonly ILogger _logger;
    private readonly string _key;
    private AmqpTransportListener? _listener;

    private ServiceBusEmulatorServer(EmulatorOptions options, ILogger logger, TimeProvider time)
    {
        _logger = logger;
        _key = options.Key;
        _entities = new EmulatedNamespace(options.Queues, options.DataDirectory, time, logger);
        var grants = new ConnectionGrants(time);
        var cbs = new CbsNode(new SharedAccessSignatureValidator(EmulatorOptions.KeyName, options.Key, time), grants, logger);
        _settings = new AmqpSettings { RuntimeProvider = new EmulatorRuntime(_entities, cbs, grants, logger) };

        // The client authenticates with the MSSBCBS mechanism and then proves itself with tokens on $cbs.
        var version = new AmqpVersion(1, 0, 0);
        var sasl = new SaslTransportProvider();
        sasl.Versions.Add(version);
        sasl.AddHandler(new SaslAnonymousHandler("MSSBCBS"));
        _settings.TransportProviders.Add(sasl);
        var amqp = new AmqpTransportProvider();
        amqp.Versions.Add(version);
        _settings.TransportProviders.Add(amqp);
    }

    /// <summary>The port the emulator listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The connection string a client uses.</summary>
    public string ConnectionString =>
        $"Endpoint=sb://127.0.0.1:{Port};SharedAccessKeyName={EmulatorOptions.KeyName};SharedAccessKey={_key};UseDevelopmentEmulator=true;";

    /// <summary>Restores the queues from the message log in the data directory and starts listening.</summary>
    public static ServiceBusEmulatorServer Start(EmulatorOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
    {
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ServerlessSafety.ServiceBusEmulator");
        var server = new ServiceBusEmulatorServer(options, logger, time ?? TimeProvider.System);
        server.Listen(options.Port == 0 ? FreePort() : options.Port);
        return server;
    }

    /// <summary>Stops listening, closes the connections and flushes the message log.</summary>
    public async ValueTask DisposeAsync()
    {
        _listener?.Close();
        foreach (var connection in _connections.Keys)
        {
            connection.SafeClose();
        }

        await _entities.DisposeAsync().ConfigureAwait(false);
    }

    private void Listen(int port)
    {
        Port = port;
        var tcp = new TcpTransportSettings { Host = IPAddress.Loopback.ToString(), Port = port };
        _listener = new AmqpTransportListener([tcp.CreateListener()], _settings);
        _listener.Listen(OnAcceptTransport);
        Log.Listening(_logger, port);
    }

    private void OnAcceptTransport(TransportListener listener, TransportAsyncCallbackArgs args)
    {
        AmqpConnection? connection = null;
        try
        {
            connection = new AmqpConnection(args.Transport, (ProtocolHeader)args.UserToken, false, _settings, new AmqpConnectionSettings
            {
                ContainerId = "serverlesssafety-servicebus-emulator",
                MaxFrameSize = 64 * 1024,
                IdleTimeOut = 4 * 60 * 1000,
            });
            _ = OpenAsync(connection);
        }
        catch (Exception exception) when (exception is AmqpException or IOException or SocketException or InvalidOperationException)
        {
            Log.ConnectionFailed(_logger, exception);
            connection?.SafeClose(exception);
        }
    }

    private async Task OpenAsync(AmqpConnection connection)
    {
        try
        {
            await connection.OpenAsync(AmqpConstants.DefaultTimeout).ConfigureAwait(false);
            _connections.TryAdd(connection, 0);
            connection.SafeAddClosed((_, _) =>
            {
                _connections.TryRemove(connection, out _);
                Log.ConnectionClosed(_logger, connection.Identifier.ToString());
            });
            Log.ConnectionOpened(_logger, connection.Identifier.ToString(), connection.Settings.RemoteContainerId);
        }
        catch (Exception exception) when (exception is AmqpException or IOException or SocketException or TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            Log.ConnectionFailed(_logger, exception);
            connection.SafeClose(exception);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
