using System.Net;
using System.Net.Sockets;

namespace ServerlessSafety.Domain.Webhooks;

/// <summary>
/// Refuses webhook destinations inside the platform's network: private, loopback, link-local (the cloud metadata
/// endpoint), unique-local and unspecified addresses. Loopback is allowed only when local development says so.
/// </summary>
public sealed class WebhookAddressGuard
{
    private readonly bool _allowLoopback;

    /// <summary>Creates the guard.</summary>
    /// <param name="allowLoopback">Allow 127.0.0.0/8 and ::1 (local development only).</param>
    public WebhookAddressGuard(bool allowLoopback)
    {
        _allowLoopback = allowLoopback;
    }

    /// <summary>Whether a connection to <paramref name="address"/> is allowed.</summary>
    public bool IsAllowed(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return _allowLoopback;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast || address.Equals(IPAddress.IPv6None));
        }

        var b = address.GetAddressBytes();
        return !(b[0] == 10
            || b[0] == 0
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
            || b[0] >= 224);
    }
}
