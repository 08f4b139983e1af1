using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Reports;
using ServerlessSafety.Functions.Http;

namespace ServerlessSafety.Functions.Reports;

/// <summary><c>GET /api/reports/{caseId}/status</c> with the token in <c>X-Status-Token</c>.</summary>
public sealed class GetReportStatus
{
    private readonly ReportStatus _status;

    /// <summary>Creates the function.</summary>
    public GetReportStatus(ReportStatus status)
    {
        _status = status;
    }

    /// <summary>The case's timeline, or 404 for an unknown case or a wrong token alike.</summary>
    [Function(nameof(GetReportStatus))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{caseId}/status")] HttpRequest request,
        string caseId,
        CancellationToken cancellationToken)
    {
        var view = await _status.GetAsync(caseId, request.Headers["X-Status-Token"].ToString(), cancellationToken);
        return view is null
            ? ProblemResults.Problem(StatusCodes.Status404NotFound, "No case matches this reference and status token.")
            : new OkObjectResult(view);
    }
}
