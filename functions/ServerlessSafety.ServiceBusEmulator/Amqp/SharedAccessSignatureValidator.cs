using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ServerlessSafety.ServiceBusEmulator.Amqp;

/// <summary>
/// Checks a Service Bus SAS token ("SharedAccessSignature sr=..&amp;sig=..&amp;se=..&amp;skn=..") the way the service
/// does: HMAC-SHA256 with the key's UTF-8 bytes over the encoded resource, a newline and the expiry, compared in
/// constant time; the token must not have expired and must name the key.
/// </summary>
internal sealed class SharedAccessSignatureValidator(string keyName, string key, TimeProvider time)
{
    private const string Prefix = "SharedAccessSignature ";
    private const int MaxTokenLength = 4096;
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    /// <summary>The token's resource and expiry when it is valid; null otherwise.</summary>
    public SignedAudience? Validate(string? token)
    {
        if (token is null || token.Length > MaxTokenLength || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in token[Prefix.Length..].Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !fields.TryAdd(pair[..equals], pair[(equals + 1)..]))
            {
                return null;
            }
        }

        if (!fields.TryGetValue("sr", out var resource) || !fields.TryGetValue("sig", out var signature)
            || !fields.TryGetValue("se", out var expiry) || !fields.TryGetValue("skn", out var name)
            || !string.Equals(WebUtility.UrlDecode(name), keyName, StringComparison.Ordinal))
        {
            return null;
        }

        var expirySeconds = WebUtility.UrlDecode(expiry);
        if (!long.TryParse(expirySeconds, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799)) <= time.GetUtcNow())
        {
            return null;
        }

        byte[] presented;
        try
        {
            presented = Convert.FromBase64String(WebUtility.UrlDecode(signature));
        }
        catch (FormatException)
        {
            return null;
        }

        var expected = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(resource + "\n" + expirySeconds));
        if (!CryptographicOperations.FixedTimeEquals(expected, presented))
        {
            return null;
        }

        return new SignedAudience(WebUtility.UrlDecode(resource), DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
    }
}
