using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ServerlessSafety.Domain.Moderation;
using ServerlessSafety.Domain.Moderation.Pages;
using ServerlessSafety.Functions.Http;
using ServerlessSafety.Functions.Policy;

namespace ServerlessSafety.Functions.Moderation;

/// <summary>What every workspace endpoint reads from its request: the moderator, the links, JSON or a page.</summary>
/// <param name="ModeratorId">From <see cref="ModeratorIdentity.Header"/>.</param>
/// <param name="Links">The workspace URLs, carrying the function key when it came in the query (local runs).</param>
/// <param name="WantsJson">Whether to answer JSON.</param>
public sealed record ModeratorRequest(string ModeratorId, ModerationLinks Links, bool WantsJson)
{
    /// <summary>Reads the request and sets the workspace's response headers; null with a 401 when there is no moderator.</summary>
    public static ModeratorRequest? Read(HttpRequest request, out IActionResult? refusal)
    {
        var response = request.HttpContext.Response;
        response.Headers.ContentSecurityPolicy = ModerationLayout.ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        if (!ModeratorIdentity.TryParse(request.Headers[ModeratorIdentity.Header].ToString(), out var moderatorId))
        {
            refusal = ProblemResults.Problem(StatusCodes.Status401Unauthorized, "A moderator is required.", $"The gateway sets {ModeratorIdentity.Header} for signed-in moderators.");
            return null;
        }

        var key = request.Query["code"].ToString();
        refusal = null;
        return new ModeratorRequest(moderatorId, new ModerationLinks(FunctionKey: key.Length is > 0 and <= 256 ? key : null), ContentNegotiation.WantsJson(request));
    }

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
