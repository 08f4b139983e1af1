namespace ServerlessSafety.Domain.Moderation.Pages;

/// <summary>The workspace's URLs.</summary>
/// <param name="BasePath">The workspace's root, <c>/api/moderation</c> by default.</param>
public sealed record ModerationLinks(string BasePath = "/api/moderation")
{
    /// <summary>The links under the app's own route prefix.</summary>
    public static readonly ModerationLinks Default = new();

    /// <summary>The queue.</summary>
    public string Queue() => $"{BasePath}/queue";

    /// <summary>Where a moderator posts to take the next unclaimed case.</summary>
    public string Next() => $"{BasePath}/queue/next";

    /// <summary>A case page.</summary>
    public string Case(string caseId, bool hashOnly = false) => $"{BasePath}/cases/{Uri.EscapeDataString(caseId)}" + (hashOnly ? "?media=none" : string.Empty);

    /// <summary>Where a case's decision is posted.</summary>
    public string Decision(string caseId) => $"{BasePath}/cases/{Uri.EscapeDataString(caseId)}/decision";

    /// <summary>Where a reveal of one file is posted.</summary>
    public string Reveal(string caseId, string sha256) => $"{BasePath}/cases/{Uri.EscapeDataString(caseId)}/files/{Uri.EscapeDataString(sha256)}/reveal";

    /// <summary>A file's bytes.</summary>
    public string File(string caseId, string sha256) => $"{BasePath}/cases/{Uri.EscapeDataString(caseId)}/files/{Uri.EscapeDataString(sha256)}";

    /// <summary>The audit log (admins).</summary>
    public string Audit() => $"{BasePath}/audit";

    /// <summary>The development sign-in page.</summary>
    public string SignIn() => $"{BasePath}/signin";

    /// <summary>Where signing out is posted.</summary>
    public string SignOut() => $"{BasePath}/signout";
}
