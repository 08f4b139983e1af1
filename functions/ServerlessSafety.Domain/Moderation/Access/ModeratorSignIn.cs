namespace ServerlessSafety.Domain.Moderation.Access;

/// <summary>How the workspace learns who is signed in.</summary>
public enum ModeratorSignIn
{
    /// <summary>Nobody can sign in: every workspace request is refused. The default, so a missing setting fails closed.</summary>
    None,

    /// <summary>App Service authentication with Microsoft Entra ID sets <see cref="ClientPrincipal.Header"/> (Azure).</summary>
    AppService,

    /// <summary>The local development sign-in page and its signed cookie (<see cref="DevelopmentSession"/>).</summary>
    Development,
}
