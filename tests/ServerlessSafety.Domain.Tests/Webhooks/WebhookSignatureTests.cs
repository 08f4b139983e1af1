using System.Security.Cryptography;
using ServerlessSafety.Domain.Webhooks;

namespace ServerlessSafety.Domain.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-06T10:00:00Z");
    private readonly WebhookSignature _signature = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Verify_SignedBody_IsAccepted()
        => Assert.True(_signature.Verify(_signature.Sign("{\"a\":1}"u8, Now), "{\"a\":1}"u8, Now.AddSeconds(30), TimeSpan.FromMinutes(5)));

    [Fact]
    public void Verify_ChangedBody_OldTimestamp_OtherSecret_Garbage_AreRefused()
    {
        var header = _signature.Sign("{\"a\":1}"u8, Now);

        Assert.False(_signature.Verify(header, "{\"a\":2}"u8, Now, TimeSpan.FromMinutes(5)));
        Assert.False(_signature.Verify(header, "{\"a\":1}"u8, Now.AddMinutes(6), TimeSpan.FromMinutes(5)));
        Assert.False(new WebhookSignature(RandomNumberGenerator.GetBytes(32)).Verify(header, "{\"a\":1}"u8, Now, TimeSpan.FromMinutes(5)));
        Assert.False(_signature.Verify("t=abc,v1=zz", "{\"a\":1}"u8, Now, TimeSpan.FromMinutes(5)));
        Assert.False(_signature.Verify("nonsense", "{\"a\":1}"u8, Now, TimeSpan.FromMinutes(5)));
    }
}
