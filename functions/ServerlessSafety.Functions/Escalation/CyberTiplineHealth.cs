using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Reporting;

namespace ServerlessSafety.Functions.Escalation;

/// <summary>Shows whether the CyberTipline answers <c>GET /status</c> with the configured credentials.</summary>
public sealed class CyberTiplineHealth
{
    private readonly ICyberTiplineClient _client;

    /// <summary>Creates the function.</summary>
    public CyberTiplineHealth(ICyberTiplineClient client)
    {
        _client = client;
    }

    /// <summary>200 when the service is reachable, 503 when not; the body says which, without credentials.</summary>
    [Function(nameof(CyberTiplineHealth))]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "health/cybertipline")] HttpRequest request, CancellationToken cancellationToken)
    {
        var status = await _client.GetStatusAsync(cancellationToken);
        return new ObjectResult(new { reachable = status.Reachable, detail = status.Detail })
        {
            StatusCode = status.Reachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
        };
    }
}
