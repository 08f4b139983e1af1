namespace ServerlessSafety.Domain.Moderation.Pages;

/// <summary>
/// The workspace's URLs. Locally the function key travels as <c>code</c> in the query (the browser has no gateway to
/// add it); behind the gateway in Azure it is null and the gateway sends the key itself.
/// </summary>
/// <param name="BasePath">The workspace's root, <c>/api/moderation</c> by default.</param>
/// <param name="FunctionKey">The function key to carry in links, or null.</param>
public sealed record ModerationLinks(string BasePath = "/api/moderation", string? FunctionKey = null)
{
    /// <summary>The queue.</summary>
    public string Queue() => WithKey($"{BasePath}/queue");

    /// <summary>Where a moderator posts to take the next unclaimed case.</summary>
    public string Next() => WithKey($"{BasePath}/queue/next");

    /// <summary>A case page.</summary>
    public string Case(string caseId, bool hashOnly = false) => WithKey($"{BasePath}/cases/{Uri.EscapeDataString(caseId)}" + (hashOnly ? "?media=none" : string.Empty));

    /// <summary>Where a case's decision is posted.</summary>
    public string Decision(string caseId) => WithKey($"{BasePath}/cases/{Uri.EscapeDataString(caseId)}/decision");

    /// <summary>Where a reveal of one file is posted.</summary>
    public string Reveal(string caseId, string sha256) => WithKey($"{BasePath}/cases/{Uri.EscapeDataString(caseId)}/files/{Uri.EscapeDataString(sha256)}/reveal");

    /// <summary>A file's bytes.</summary>
    public string File(string caseId, string sha256) => WithKey($"{BasePath}/cases/{Uri.EscapeDataString(caseId)}/files/{Uri.EscapeDataString(sha256)}");

    private string WithKey(string path)
        => FunctionKey is null ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "code=" + Uri.EscapeDataString(FunctionKey);
}
