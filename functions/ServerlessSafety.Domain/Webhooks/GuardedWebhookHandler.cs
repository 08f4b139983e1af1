using System.Net;
using System.Net.Sockets;

namespace ServerlessSafety.Domain.Webhooks;

/// <summary>
/// An HTTP handler that resolves the host itself and connects only to addresses the guard allows, so a DNS name
/// that points inside the network (or changes between check and use) cannot reach it. Redirects are not followed.
/// </summary>
public static class GuardedWebhookHandler
{
    /// <summary>Creates the handler for webhook clients.</summary>
    public static SocketsHttpHandler Create(WebhookAddressGuard guard) => new()
    {
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var allowed = addresses.Where(guard.IsAllowed).ToArray();
            if (allowed.Length == 0 || allowed.Length != addresses.Length)
            {
                throw new WebhookRefusedException("The webhook's host resolves to an address that is not allowed.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
