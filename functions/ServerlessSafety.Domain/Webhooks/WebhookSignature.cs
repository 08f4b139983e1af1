using System.Security.Cryptography;
using System.Text;

namespace ServerlessSafety.Domain.Webhooks;

/// <summary>
/// Signs webhook bodies: <c>X-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>.
/// A receiver recomputes the HMAC with the shared secret, compares in constant time and rejects old timestamps.
/// </summary>
public sealed class WebhookSignature
{
    /// <summary>The header that carries the signature.</summary>
    public const string Header = "X-Signature";

    private readonly byte[] _secret;

    /// <summary>Creates a signer with the shared secret (at least 32 bytes).</summary>
    public WebhookSignature(byte[] secret)
    {
        if (secret.Length < 32)
        {
            throw new ArgumentException("A webhook secret must be at least 32 bytes.", nameof(secret));
        }

        _secret = secret;
    }

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="at"/>.</summary>
    public string Sign(ReadOnlySpan<byte> body, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Convert.ToHexStringLower(Mac(timestamp, body))}";
    }

    /// <summary>Whether <paramref name="header"/> signs <paramref name="body"/> and is no older than <paramref name="tolerance"/>.</summary>
    public bool Verify(string header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        var parts = header.Split(',', 2);
        if (parts.Length != 2 || !parts[0].StartsWith("t=", StringComparison.Ordinal) || !parts[1].StartsWith("v1=", StringComparison.Ordinal)
            || !long.TryParse(parts[0][2..], out var seconds) || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }

        byte[] presented;
        try
        {
            presented = Convert.FromHexString(parts[1][3..]);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(presented, Mac(parts[0][2..], body));
    }

    private byte[] Mac(string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(_secret, message);
    }
}
