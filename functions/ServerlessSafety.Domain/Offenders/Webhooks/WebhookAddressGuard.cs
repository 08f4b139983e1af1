using System.Net;
using System.Net.Sockets;

namespace ServerlessSafety.Domain.Offenders.Webhooks;

/// <summary>
/// Which addresses a webhook may be delivered to: public unicast only. Private, loopback, link-local (including the
/// cloud metadata endpoint 169.254.169.254), shared, multicast and unspecified addresses are refused, so a
/// configured URL cannot reach into the platform's own network.
/// </summary>
public static class WebhookAddressGuard
{
    /// <summary>Whether a delivery may connect to <paramref name="address"/>.</summary>
    /// <param name="address">A resolved address.</param>
    /// <param name="allowLoopback">Local development only: let deliveries reach this machine.</param>
    public static bool IsAllowed(IPAddress address, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback;
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] == 0 // "this network"
        || b[0] == 10
        || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT
        || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata
        || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
        || (b[0] == 192 && b[1] == 0 && b[2] == 0) // IETF protocol assignments
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 198 && (b[1] == 18 || b[1] == 19)) // benchmarking
        || b[0] >= 224); // multicast, reserved, broadcast

    private static bool IsPublicV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return !(address.Equals(IPAddress.IPv6None)
            || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast
            || (b[0] & 0xfe) == 0xfc // unique local fc00::/7
            || (address.IsIPv4MappedToIPv6 && !IsPublicV4(address.MapToIPv4().GetAddressBytes()))
            || (b[0] == 0x20 && b[1] == 0x02)); // 6to4 can embed any IPv4 address
    }
}
