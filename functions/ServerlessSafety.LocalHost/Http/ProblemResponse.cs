using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ServerlessSafety.LocalHost.Http;

/// <summary>The host's own HTTP errors as RFC 9457 problem details; they never carry exception text or keys.</summary>
internal static class ProblemResponse
{
    public static Task WriteAsync(HttpContext context, int status, string title)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            type = "about:blank",
            title,
            status,
            instance = context.Request.Path.Value,
        });
        return context.Response.Body.WriteAsync(body, CancellationToken.None).AsTask();
    }

    /// <summary>For requests no function answered: an unknown route (404) or a method the route does not take (405).</summary>
    public static Task WriteForUnmatchedAsync(HttpContext context)
        => context.GetEndpoint()?.Metadata.GetMetadata<FunctionEndpointMetadata>() is not null
            ? Task.CompletedTask
            : context.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => WriteAsync(context, StatusCodes.Status404NotFound, "No function answers this route."),
                StatusCodes.Status405MethodNotAllowed => WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "The function at this route does not take this method."),
                _ => Task.CompletedTask,
            };
}
