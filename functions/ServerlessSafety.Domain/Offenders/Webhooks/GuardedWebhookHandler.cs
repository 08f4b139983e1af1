using System.Net;
using System.Net.Sockets;

namespace ServerlessSafety.Domain.Offenders.Webhooks;

/// <summary>
/// The HTTP handler for webhook deliveries. It resolves the host itself, refuses the connection when any of its
/// addresses is not allowed by <see cref="WebhookAddressGuard"/>, then connects to the checked addresses only, so
/// DNS rebinding cannot swap in an internal address after the check. Redirects open new connections through the
/// same check, so a redirect to an internal address is refused too. No proxy is used (it would hide the target).
/// </summary>
public static class GuardedWebhookHandler
{
    /// <summary>The most redirects a delivery follows.</summary>
    public const int MaxRedirects = 3;

    /// <summary>Creates the handler.</summary>
    /// <param name="allowLoopback">Local development only: allow this machine's loopback addresses.</param>
    public static SocketsHttpHandler Create(bool allowLoopback) => new()
    {
        UseProxy = false,
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = MaxRedirects,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, allowLoopback, cancellationToken),
    };

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowLoopback, CancellationToken cancellationToken)
    {
        var host = endPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0 || addresses.Any(a => !WebhookAddressGuard.IsAllowed(a, allowLoopback)))
        {
            throw new WebhookAddressRefusedException(host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
