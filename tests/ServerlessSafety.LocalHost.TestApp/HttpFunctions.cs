using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ServerlessSafety.LocalHost.TestApp;

public sealed class HttpFunctions
{
    private readonly InvocationRecorder _recorder;

    public HttpFunctions(InvocationRecorder recorder)
    {
        _recorder = recorder;
    }

    /// <summary>Route value, typed; function key.</summary>
    [Function("GetItem")]
    public ItemView GetItem(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "items/{id:int}/{label}")] HttpRequest request,
        int id,
        string label,
        FunctionContext context)
        => new(id, label, context.FunctionDefinition.Name, request.Query["q"].ToString());

    [Function("AdminOnly")]
    public IActionResult AdminOnly([HttpTrigger(AuthorizationLevel.Admin, "post", Route = "admin/ping")] HttpRequest request)
        => new OkObjectResult("pong");

    /// <summary>Takes a while and ignores cancellation, so a test can stop the host while it runs.</summary>
    [Function("Slow")]
    public async Task<IActionResult> Slow([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "slow")] HttpRequest request)
    {
        _recorder.Record("Slow", "started");
        await Task.Delay(TimeSpan.FromSeconds(1));
        _recorder.Record("Slow", "finished");
        return new OkObjectResult("finished");
    }

    [Function("Broken")]
    public Task<IActionResult> Broken([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "broken")] HttpRequest request, CancellationToken cancellationToken)
    {
        _recorder.Record("Broken", "called");
        throw new InvalidOperationException("connection string Password=hunter2 leaked");
    }
}

public sealed record ItemView(int Id, string Label, string Function, string Query);
