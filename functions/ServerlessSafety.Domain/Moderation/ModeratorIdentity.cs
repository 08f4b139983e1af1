namespace ServerlessSafety.Domain.Moderation;

/// <summary>
/// The moderator behind a request. In Azure the platform's gateway (API Management behind the platform's SSO) signs the
/// moderator in and sets <see cref="Header"/>; the function key it holds is what admits the request, so the header is
/// trusted only because nothing else can reach the function with a key. Locally, a developer sets the header by hand.
/// </summary>
public static class ModeratorIdentity
{
    /// <summary>The header the gateway sets to the signed-in moderator's id.</summary>
    public const string Header = "X-Moderator-Id";

    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>Whether <paramref name="value"/> is a usable moderator id: 1-128 letters, digits and <c>@ . _ -</c>.</summary>
    public static bool TryParse(string? value, out string moderatorId)
    {
        moderatorId = string.Empty;
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '@' or '.' or '_' or '-'))
        {
            return false;
        }

        moderatorId = value;
        return true;
    }
}
