using System.Net;
using ServerlessSafety.Domain.Offenders.Webhooks;

namespace ServerlessSafety.Domain.Tests.Offenders;

public sealed class WebhookAddressGuardTests
{
    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("2002:0a00:0001::1")]
    public void IsAllowed_PrivateOrLinkLocal_IsRefusedEvenWithLoopbackAllowed(string address)
        => Assert.False(WebhookAddressGuard.IsAllowed(IPAddress.Parse(address), allowLoopback: true));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.10.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void IsAllowed_Loopback_OnlyWithTheLocalSetting(string address)
    {
        Assert.False(WebhookAddressGuard.IsAllowed(IPAddress.Parse(address), allowLoopback: false));
        Assert.True(WebhookAddressGuard.IsAllowed(IPAddress.Parse(address), allowLoopback: true));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("1.1.1.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void IsAllowed_PublicAddress_IsAllowed(string address)
        => Assert.True(WebhookAddressGuard.IsAllowed(IPAddress.Parse(address), allowLoopback: false));
}
