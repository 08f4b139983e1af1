using System.Security.Cryptography;
using System.Text;

namespace ServerlessSafety.Domain.Reports;

/// <summary>
/// Issues and checks the token that lets a reporter read their case's status.
/// </summary>
/// <remarks>
/// The token is an HMAC of the case id under a secret key, so a retried submission with the same
/// Idempotency-Key can be answered with the same token without the token ever being stored; the case keeps
/// only its SHA-256, and checks compare in constant time.
/// </remarks>
public sealed class StatusTokens
{
    private readonly byte[] _key;

    /// <summary>Creates the issuer with a key of at least 32 bytes.</summary>
    public StatusTokens(byte[] key)
    {
        if (key.Length < 32)
        {
            throw new ArgumentException("The status token key must be at least 32 bytes.", nameof(key));
        }

        _key = key;
    }

    /// <summary>The token of a case: 256 bits, base64url.</summary>
    public string Issue(string caseId)
        => Base64Url(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("status-token:" + caseId)));

    /// <summary>The stored form of a token: SHA-256, lower-case hex.</summary>
    public static string Hash(string token)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether <paramref name="presented"/> matches <paramref name="storedHash"/>, in constant time.</summary>
    public static bool Matches(string? presented, string? storedHash)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 256 || string.IsNullOrEmpty(storedHash))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(presented)),
            Encoding.ASCII.GetBytes(storedHash));
    }

    /// <summary>A new unguessable case id: 'SS-' and 20 base32 characters (100 bits).</summary>
    public static string NewCaseId()
    {
        const string alphabet = "ABCDEFGHJKMNPQRSTVWXYZ0123456789";
        Span<byte> random = stackalloc byte[20];
        RandomNumberGenerator.Fill(random);
        var chars = new char[20];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random[i] & 31];
        }

        return "SS-" + new string(chars);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
