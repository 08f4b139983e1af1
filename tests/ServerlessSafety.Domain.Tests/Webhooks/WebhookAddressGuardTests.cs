using System.Net;
using ServerlessSafety.Domain.Webhooks;

namespace ServerlessSafety.Domain.Tests.Webhooks;

public sealed class WebhookAddressGuardTests
{
    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void IsAllowed_InternalAddress_IsRefused(string address)
        => Assert.False(new WebhookAddressGuard(allowLoopback: false).IsAllowed(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c")]
    public void IsAllowed_PublicAddress_IsAllowed(string address)
        => Assert.True(new WebhookAddressGuard(allowLoopback: false).IsAllowed(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("10.0.0.1", false)]
    public void IsAllowed_LoopbackSetting_AllowsOnlyLoopback(string address, bool allowed)
        => Assert.Equal(allowed, new WebhookAddressGuard(allowLoopback: true).IsAllowed(IPAddress.Parse(address)));
}
