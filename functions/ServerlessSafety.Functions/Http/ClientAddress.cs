using Microsoft.AspNetCore.Http;

namespace ServerlessSafety.Functions.Http;

/// <summary>Who a request came from, for rate limiting: the first X-Forwarded-For hop set by the front door, else the peer.</summary>
public static class ClientAddress
{
    /// <summary>The client's address as text (it is hashed before the limiter keeps it, and never logged).</summary>
    public static string Of(HttpRequest request)
    {
        var forwarded = request.Headers["X-Forwarded-For"].ToString();
        var first = forwarded.Split(',', 2)[0].Trim();
        return first.Length is > 0 and <= 64 ? first : request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
