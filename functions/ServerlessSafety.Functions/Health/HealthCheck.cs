using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ServerlessSafety.Functions.Health;

/// <summary>Liveness probe for local runs and deployment checks.</summary>
public sealed class HealthCheck
{
    /// <summary>Answers 200 with the app's name once it is serving.</summary>
    [Function(nameof(HealthCheck))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request)
        => new OkObjectResult(new { status = "healthy", app = "ServerlessSafety" });
}
