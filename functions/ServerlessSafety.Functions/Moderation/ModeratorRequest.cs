using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ServerlessSafety.Domain.Moderation.Access;
using ServerlessSafety.Domain.Moderation.Pages;

namespace ServerlessSafety.Functions.Moderation;

/// <summary>A workspace request the <see cref="ModeratorGate"/> let in: who, and JSON or a page.</summary>
/// <param name="Moderator">The signed-in moderator.</param>
/// <param name="WantsJson">Whether to answer JSON.</param>
public sealed record ModeratorRequest(Moderator Moderator, bool WantsJson)
{
    /// <summary>The workspace URLs.</summary>
    public ModerationLinks Links => ModerationLinks.Default;

    /// <summary>The moderator's id, as the timeline and the audit log record it.</summary>
    public string ModeratorId => Moderator.Id;

    /// <summary>Whether a form post came from another site (a cross-site request forgery); browsers send <c>Sec-Fetch-Site</c>.</summary>
    public static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length > 0 && site is not ("same-origin" or "none");
    }

    /// <summary>The headers every workspace answer carries: no script, no caching, no sniffing, no referrer.</summary>
    public static void ProtectResponse(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ModerationLayout.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
    }

    /// <summary>An HTML page answer.</summary>
    public static ContentResult Page(string html, int status = StatusCodes.Status200OK)
        => new() { Content = html, ContentType = "text/html; charset=utf-8", StatusCode = status };
}
