using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessSafety.Domain.Offenders.Webhooks;

/// <summary>
/// HMAC-SHA256 signatures of webhook deliveries.
/// </summary>
/// <remarks>
/// <para>Every delivery carries two headers:</para>
/// <list type="bullet">
/// <item><c>X-Safety-Timestamp</c>: Unix time in seconds when it was signed.</item>
/// <item><c>X-Safety-Signature</c>: <c>v1=</c> and the lower-case hex HMAC-SHA256, keyed with the shared secret
/// (its UTF-8 bytes), of the UTF-8 text <c>{timestamp}.</c> followed by the raw request body bytes.</item>
/// </list>
/// <para>To verify, a receiver: reads the raw body before parsing it; refuses a timestamp more than five minutes
/// from its clock (replays); computes the HMAC over the timestamp header, a full stop and the body; compares it with
/// the header in constant time; and treats a repeated event id as the same event. <see cref="Verify"/> does this.</para>
/// </remarks>
public static class WebhookSignature
{
    /// <summary>The timestamp header.</summary>
    public const string TimestampHeader = "X-Safety-Timestamp";

    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Safety-Signature";

    /// <summary>How far a timestamp may be from the receiver's clock.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private const string Scheme = "v1=";

    /// <summary>The value of <see cref="SignatureHeader"/> for a body signed at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
        => Scheme + Convert.ToHexStringLower(Compute(secret, timestamp.ToString(CultureInfo.InvariantCulture), body));

    /// <summary>Whether the headers of a delivery prove it came from the holder of <paramref name="secret"/>, recently.</summary>
    public static bool Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (timestampHeader is null || timestampHeader.Length > 20 || signatureHeader is null || !signatureHeader.StartsWith(Scheme, StringComparison.Ordinal)
            || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > Tolerance.TotalSeconds)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signatureHeader.AsSpan(Scheme.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, Compute(secret, timestampHeader, body));
    }

    private static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
