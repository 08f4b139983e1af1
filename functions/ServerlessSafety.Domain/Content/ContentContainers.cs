namespace ServerlessSafety.Domain.Content;

/// <summary>The blob containers content moves through.</summary>
/// <remarks>
/// Content only ever moves forward: <c>uploads</c> to <c>quarantine</c> when it matches, <c>quarantine</c> to
/// <c>evidence</c> when it is reported. <c>evidence</c> is immutable for a year in Azure (18 U.S.C. 2258A).
/// </remarks>
public static class ContentContainers
{
    /// <summary>New uploads of the platform, screened on arrival.</summary>
    public const string Uploads = "uploads";

    /// <summary>Content withheld from everyone: matched uploads and reporters' evidence.</summary>
    public const string Quarantine = "quarantine";

    /// <summary>Reported material preserved for a year, with its chain of custody.</summary>
    public const string Evidence = "evidence";
}
