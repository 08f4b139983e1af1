using System.Security.Cryptography;
using System.Text;
using ServerlessSafety.Domain.Offenders.Webhooks;

namespace ServerlessSafety.Domain.Tests.Offenders;

public sealed class WebhookSignatureTests
{
    private const string Secret = "a-test-secret-that-is-long-enough-0123";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_796_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"case-1:consequence-applied\"}");

    [Fact]
    public void Sign_Body_IsHmacSha256OfTimestampDotBody()
    {
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes("1796000000." + Encoding.UTF8.GetString(Body))));

        Assert.Equal("v1=" + expected, WebhookSignature.Sign(Secret, 1_796_000_000, Body));
    }

    [Fact]
    public void Verify_SignedDelivery_IsAccepted()
        => Assert.True(WebhookSignature.Verify(Secret, "1796000000", WebhookSignature.Sign(Secret, 1_796_000_000, Body), Body, Now.AddSeconds(30)));

    public static TheoryData<string, string?, string?, byte[], int> Refused => new()
    {
        { "tampered body", "1796000000", WebhookSignature.Sign(Secret, 1_796_000_000, Body), Encoding.UTF8.GetBytes("{\"id\":\"other\"}"), 0 },
        { "other secret", "1796000000", WebhookSignature.Sign("another-secret-that-is-long-enough-xyz", 1_796_000_000, Body), Body, 0 },
        { "timestamp changed", "1796000001", WebhookSignature.Sign(Secret, 1_796_000_000, Body), Body, 0 },
        { "too old", "1796000000", WebhookSignature.Sign(Secret, 1_796_000_000, Body), Body, 301 },
        { "from the future", "1796000000", WebhookSignature.Sign(Secret, 1_796_000_000, Body), Body, -301 },
        { "no timestamp", null, WebhookSignature.Sign(Secret, 1_796_000_000, Body), Body, 0 },
        { "no signature", "1796000000", null, Body, 0 },
        { "not hex", "1796000000", "v1=zz", Body, 0 },
        { "other scheme", "1796000000", WebhookSignature.Sign(Secret, 1_796_000_000, Body).Replace("v1=", "v0=", StringComparison.Ordinal), Body, 0 },
        { "timestamp not a number", "-5", WebhookSignature.Sign(Secret, 1_796_000_000, Body), Body, 0 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Verify_BadDelivery_IsRefused(string name, string? timestamp, string? signature, byte[] body, int secondsLater)
    {
        Assert.False(WebhookSignature.Verify(Secret, timestamp, signature, body, Now.AddSeconds(secondsLater)), name);
    }
}
