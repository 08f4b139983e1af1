using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Moderation.Pages;
using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Functions.Policy;

/// <summary><c>GET /api/policy</c>: the safety policy as the terms page (default) or as JSON, both from the one policy file.</summary>
public sealed class GetPolicy
{
    private readonly SafetyPolicy _policy;

    /// <summary>Creates the function.</summary>
    public GetPolicy(SafetyPolicy policy)
    {
        _policy = policy;
    }

    /// <summary>JSON for <c>?format=json</c> or an <c>Accept</c> that asks for JSON and not HTML; the page otherwise.</summary>
    [Function(nameof(GetPolicy))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "policy")] HttpRequest request)
    {
        var response = request.HttpContext.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "public, max-age=300";
        if (ContentNegotiation.WantsJson(request))
        {
            return new FileContentResult(PolicyJson.Serialize(_policy), "application/json; charset=utf-8");
        }

        response.Headers.ContentSecurityPolicy = ModerationLayout.ContentSecurityPolicy;
        return new ContentResult { Content = PolicyPage.Render(_policy), ContentType = "text/html; charset=utf-8", StatusCode = StatusCodes.Status200OK };
    }
}
