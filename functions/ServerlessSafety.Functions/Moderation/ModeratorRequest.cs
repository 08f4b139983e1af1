using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ServerlessSafety.Domain.Moderation.Access;
using ServerlessSafety.Domain.Moderation.Pages;

namespace ServerlessSafety.Functions.Moderation;

/// <summary>A workspace request the <see cref="ModeratorGate"/> let in: who, the links, JSON or a page.</summary>
/// <param name="Moderator">The signed-in moderator.</param>
/// <param name="Links">The workspace URLs.</param>
/// <param name="WantsJson">Whether to answer JSON.</param>
public sealed record ModeratorRequest(Moderator Moderator, ModerationLinks Links, bool WantsJson)
{
    /// <summary>The moderator's id, as the timeline and the audit log record it.</summary>
    public string ModeratorId => Moderator.Id;

    /// <summary>Whether a form post came from another site (a cross-site request forgery); browsers send <c>Sec-Fetch-Site</c>.</summary>
    public static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length > 0 && site is not ("same-origin" or "none");
    }

    /// <summary>An HTML page answer.</summary>
    public static ContentResult Page(string html, int status = StatusCodes.Status200OK)
        => new() { Content = html, ContentType = "text/html; charset=utf-8", StatusCode = status };
}
