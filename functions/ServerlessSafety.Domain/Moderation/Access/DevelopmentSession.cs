using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ServerlessSafety.Domain.Moderation.Access;

/// <summary>
/// The cookie of the local development sign-in: the moderator's id, roles and expiry, signed with HMAC-SHA256 under a
/// key only the app holds, so a browser cannot grant itself a role. Off unless a local setting turns it on.
/// </summary>
public sealed class DevelopmentSession
{
    /// <summary>The cookie's name.</summary>
    public const string CookieName = "ss-moderator";

    /// <summary>How long a sign-in lasts.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private const int MaxCookieLength = 2048;
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    /// <summary>Creates the session signer with <paramref name="key"/> (at least 32 bytes).</summary>
    public DevelopmentSession(byte[] key, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("The development sign-in key must be at least 32 bytes.", nameof(key));
        }

        _key = key;
        _time = time;
    }

    /// <summary>The cookie value that signs <paramref name="moderator"/> in until <see cref="Lifetime"/> from now.</summary>
    public string Issue(Moderator moderator)
    {
        ArgumentNullException.ThrowIfNull(moderator);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(moderator.Id, moderator.Roles.Order(StringComparer.Ordinal).ToArray(), (_time.GetUtcNow() + Lifetime).ToUnixTimeSeconds()));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload));
    }

    /// <summary>The moderator a cookie signs in, or null when it is missing, forged or expired.</summary>
    public Moderator? Read(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie) || cookie.Length > MaxCookieLength || cookie.Split('.') is not [var body, var signature])
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(body);
            if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, payload), Base64Url.DecodeFromChars(signature)))
            {
                return null;
            }

            var session = JsonSerializer.Deserialize<Payload>(payload);
            return session is not null && Moderator.IsValidId(session.Id) && DateTimeOffset.FromUnixTimeSeconds(session.Expires) > _time.GetUtcNow()
                ? new Moderator(session.Id, session.Id, session.Roles.ToHashSet(StringComparer.Ordinal))
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private sealed record Payload(string Id, string[] Roles, long Expires);
}
