using Microsoft.AspNetCore.Http;

namespace ServerlessSafety.Functions.Policy;

/// <summary>Whether a request wants JSON rather than a page: <c>?format=json</c>, or an <c>Accept</c> with JSON and without HTML.</summary>
public static class ContentNegotiation
{
    /// <summary>True when the answer should be JSON.</summary>
    public static bool WantsJson(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = request.Query["format"].ToString();
        if (format.Length > 0)
        {
            return format.Equals("json", StringComparison.OrdinalIgnoreCase);
        }

        var accept = request.Headers.Accept.ToString();
        return accept.Contains("application/json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
