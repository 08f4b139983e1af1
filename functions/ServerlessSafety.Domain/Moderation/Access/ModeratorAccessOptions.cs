namespace ServerlessSafety.Domain.Moderation.Access;

/// <summary>The <c>Moderation</c> settings of sign-in.</summary>
public sealed class ModeratorAccessOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Moderation";

    /// <summary>How moderators sign in; <see cref="ModeratorSignIn.None"/> unless set.</summary>
    public ModeratorSignIn SignIn { get; set; }

    /// <summary>
    /// Base64 key (32 bytes or more) that signs development sign-in cookies; when empty, a key is drawn at start, so
    /// sign-ins last as long as the process.
    /// </summary>
    public string? DevelopmentKey { get; set; }
}
