using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using ServerlessSafety.LocalHost.Discovery;
using ServerlessSafety.LocalHost.Invocation;

namespace ServerlessSafety.LocalHost.Http;

/// <summary>One HTTP-triggered function mapped to its route and methods, as the ASP.NET Core integration runs it.</summary>
internal sealed class HttpFunctionEndpoint
{
    private const string HttpContextItem = "HttpRequestContext";

    private readonly FunctionInvoker _invoker;
    private readonly HttpTriggerAttribute _trigger;
    private readonly FunctionKeys _keys;

    private HttpFunctionEndpoint(FunctionInvoker invoker, HttpTriggerAttribute trigger, string pattern, FunctionKeys keys)
    {
        _invoker = invoker;
        _trigger = trigger;
        Pattern = pattern;
        _keys = keys;
    }

    /// <summary>The route template, with the prefix, e.g. <c>/api/reports/{caseId}/status</c>.</summary>
    public string Pattern { get; }

    public string FunctionName => _invoker.Function.Name;

    public AuthorizationLevel AuthLevel => _trigger.AuthLevel;

    public string Description => $"[{string.Join(",", Methods ?? ["ANY"])}] {Pattern} ({_trigger.AuthLevel})";

    private string[]? Methods => _trigger.Methods is { Length: > 0 } m ? m.Select(x => x.ToUpperInvariant()).ToArray() : null;

    public static HttpFunctionEndpoint? Create(FunctionDescriptor function, string routePrefix, FunctionKeys keys, ICollection<StartProblem> problems)
    {
        var trigger = (HttpTriggerAttribute)function.Trigger;
        var route = (trigger.Route ?? function.Name).Trim('/');
        var pattern = "/" + string.Join('/', new[] { routePrefix.Trim('/'), route }.Where(s => s.Length > 0));
        RoutePattern parsed;
        try
        {
            parsed = RoutePatternFactory.Parse(pattern);
        }
        catch (RoutePatternException e)
        {
            problems.Add(new StartProblem(function.Name, $"has the route '{route}', which is not a valid route template: {e.Message}"));
            return null;
        }

        CheckReturnType(function, problems);
        var shape = new TriggerShape(
            "HttpRequest",
            t => t == typeof(HttpRequest),
            parsed.Parameters.ToDictionary(p => p.Name, _ => typeof(string), StringComparer.OrdinalIgnoreCase));
        var invoker = FunctionInvoker.Create(function, shape, problems);
        return invoker is null ? null : new HttpFunctionEndpoint(invoker, trigger, pattern, keys);
    }

    public void Map(IEndpointRouteBuilder endpoints, IServiceProvider services, ILogger logger)
    {
        RequestDelegate handler = context => HandleAsync(context, services, logger);
        var builder = Methods is { } methods ? endpoints.MapMethods(Pattern, methods, handler) : endpoints.Map(Pattern, handler);
        builder.WithDisplayName(_invoker.Function.Name).WithMetadata(new FunctionEndpointMetadata(_invoker.Function.Name));
    }

    private async Task HandleAsync(HttpContext context, IServiceProvider services, ILogger logger)
    {
        if (!_keys.Allows(_trigger.AuthLevel, context.Request))
        {
            await ProblemResponse.WriteAsync(context, StatusCodes.Status401Unauthorized, $"This function needs a {_trigger.AuthLevel} key (header x-functions-key or query code).");
            return;
        }

        try
        {
            var result = await _invoker.InvokeAsync(services, new InvocationInput
            {
                TriggerValue = _ => context.Request,
                BindingData = context.Request.RouteValues.ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase),
                CancellationToken = context.RequestAborted,
                Items = new Dictionary<object, object> { [HttpContextItem] = context },
            }, logger, "This function was triggered by an HTTP request.");
            await WriteResultAsync(context, result);
        }
        catch (Exception) when (!context.Response.HasStarted)
        {
            // The invoker logged the exception; the caller learns nothing of it.
            context.Response.Clear();
            await ProblemResponse.WriteAsync(context, StatusCodes.Status500InternalServerError, "An error occurred while processing your request.");
        }
    }

    private static Task WriteResultAsync(HttpContext context, object? result)
    {
        var action = new ActionContext(context, context.GetRouteData(), new ActionDescriptor());
        return result switch
        {
            null => Task.CompletedTask,
            IActionResult actionResult => actionResult.ExecuteResultAsync(action),
            _ => new ObjectResult(result).ExecuteResultAsync(action),
        };
    }

    private static void CheckReturnType(FunctionDescriptor function, ICollection<StartProblem> problems)
    {
        var type = function.Method.ReturnType;
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            type = type.GetGenericArguments()[0];
        }

        if (typeof(HttpResponseData).IsAssignableFrom(type))
        {
            problems.Add(new StartProblem(function.Name, "returns HttpResponseData; with the ASP.NET Core integration return IActionResult"));
        }
        else if (type.GetProperties().Any(p => p.GetCustomAttributes().Any(a => a is OutputBindingAttribute || a is HttpResultAttribute)))
        {
            problems.Add(new StartProblem(function.Name, $"returns {type.Name}, a multi-output type, which the local host does not support"));
        }
    }
}
