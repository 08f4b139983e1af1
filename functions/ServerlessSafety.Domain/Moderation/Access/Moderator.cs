namespace ServerlessSafety.Domain.Moderation.Access;

/// <summary>A signed-in person of the safety team, as the sign-in in front of the workspace vouches for them.</summary>
/// <param name="Id">Stable id: Entra ID's object id in Azure, the chosen name with the development sign-in.</param>
/// <param name="Name">What the pages show.</param>
/// <param name="Roles">The app roles granted.</param>
public sealed record Moderator(string Id, string Name, IReadOnlySet<string> Roles)
{
    /// <summary>The role that works cases.</summary>
    public const string ModeratorRole = "moderator";

    /// <summary>The role that also reads the whole audit log.</summary>
    public const string AdminRole = "admin";

    /// <summary>The longest id and name accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>Whether the person may use the workspace at all.</summary>
    public bool CanModerate => Roles.Contains(ModeratorRole) || Roles.Contains(AdminRole);

    /// <summary>Whether the person is an admin.</summary>
    public bool IsAdmin => Roles.Contains(AdminRole);

    /// <summary>Whether <paramref name="value"/> is a usable id: 1-128 letters, digits and <c>@ . _ -</c>.</summary>
    public static bool IsValidId(string? value)
        => !string.IsNullOrEmpty(value) && value.Length <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '@' or '.' or '_' or '-');
}
