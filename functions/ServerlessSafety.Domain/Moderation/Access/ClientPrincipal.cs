using System.Text.Json;

namespace ServerlessSafety.Domain.Moderation.Access;

/// <summary>
/// Reads the <c>X-MS-CLIENT-PRINCIPAL</c> header that App Service authentication (Easy Auth) sets after a Microsoft
/// Entra ID sign-in: base64 JSON with the claims and which claim types carry the name and the roles. App Service
/// removes the header from every incoming request and sets it itself, so it is trusted only in that mode.
/// </summary>
public static class ClientPrincipal
{
    /// <summary>The header App Service authentication sets.</summary>
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The largest header accepted; a principal with many groups is a few kilobytes.</summary>
    public const int MaxHeaderLength = 32 * 1024;

    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    /// <summary>The moderator the header names, or null when it is missing, malformed or names nobody.</summary>
    public static Moderator? Read(string? header)
    {
        if (string.IsNullOrEmpty(header) || header.Length > MaxHeaderLength)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(header));
            var root = document.RootElement;
            var nameType = root.TryGetProperty("name_typ", out var n) ? n.GetString() : null;
            var roleType = root.TryGetProperty("role_typ", out var r) ? r.GetString() : null;
            var claims = root.GetProperty("claims").EnumerateArray()
                .Select(c => (Type: c.GetProperty("typ").GetString() ?? string.Empty, Value: c.GetProperty("val").GetString() ?? string.Empty))
                .ToList();
            string? First(params string?[] types) => claims.FirstOrDefault(c => types.Contains(c.Type)).Value;

            var id = First(ObjectIdClaim, "oid");
            if (!Moderator.IsValidId(id))
            {
                return null;
            }

            var name = First(nameType, "name", "preferred_username") ?? id!;
            var roles = claims.Where(c => c.Type == (roleType ?? "roles") || c.Type == "roles").Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            return new Moderator(id!, name.Length > Moderator.MaxLength ? name[..Moderator.MaxLength] : name, roles);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
