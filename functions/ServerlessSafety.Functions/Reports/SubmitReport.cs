using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Reports;
using ServerlessSafety.Functions.Http;

namespace ServerlessSafety.Functions.Reports;

/// <summary><c>POST /api/reports</c>: a victim's report from an app.</summary>
public sealed class SubmitReport
{
    private readonly ReportIntake _intake;

    /// <summary>Creates the function.</summary>
    public SubmitReport(ReportIntake intake)
    {
        _intake = intake;
    }

    /// <summary>Validates, stores and queues the report; 202 with the case reference and the status token.</summary>
    [Function(nameof(SubmitReport))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (submission, context, problem) = await ReportRequestReader.ReadJsonAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var result = await _intake.SubmitAsync(submission!, context!, cancellationToken: cancellationToken);
        return result switch
        {
            ReportIntakeResult.Accepted accepted => new AcceptedResult(
                StatusUrl(request, accepted.CaseId),
                new { caseId = accepted.CaseId, statusToken = accepted.StatusToken, statusUrl = StatusUrl(request, accepted.CaseId) }),
            ReportIntakeResult.Invalid invalid => ProblemResults.Validation(invalid.Errors),
            ReportIntakeResult.RateLimited limited => RateLimited(request, limited.RetryAfter),
            _ => ProblemResults.Problem(StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was used for a different report.", "Use a new key for a new report."),
        };
    }

    private static string StatusUrl(HttpRequest request, string caseId)
        => $"{request.Scheme}://{request.Host}/api/reports/{Uri.EscapeDataString(caseId)}/status";

    private static IActionResult RateLimited(HttpRequest request, TimeSpan retryAfter)
    {
        request.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ProblemResults.Problem(StatusCodes.Status429TooManyRequests, "Too many reports from this connection.", "Please wait a moment and try again.");
    }
}
