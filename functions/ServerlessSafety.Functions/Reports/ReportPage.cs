using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Reports;
using ServerlessSafety.Functions.Pages;

namespace ServerlessSafety.Functions.Reports;

/// <summary><c>/api/report</c>: the report page for people, working without JavaScript.</summary>
public sealed class ReportPage
{
    private readonly ReportIntake _intake;
    private readonly ReportPageRenderer _pages;

    /// <summary>Creates the function.</summary>
    public ReportPage(ReportIntake intake, ReportPageRenderer pages)
    {
        _intake = intake;
        _pages = pages;
    }

    /// <summary>GET shows the form; POST files the report and shows the case reference and status code once.</summary>
    [Function(nameof(ReportPage))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "report")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        PageLayout.AddSecurityHeaders(request.HttpContext.Response);
        if (HttpMethods.IsGet(request.Method))
        {
            return _pages.ReportForm(NewFormKey());
        }

        var (submission, context, evidence, problem) = await ReportRequestReader.ReadFormAsync(request, cancellationToken);
        if (problem is not null)
        {
            return _pages.ReportForm(NewFormKey(), submission, problem: problem);
        }

        var result = await _intake.SubmitAsync(submission!, context!, evidence, cancellationToken);
        return result switch
        {
            ReportIntakeResult.Accepted accepted => _pages.Confirmation(accepted.CaseId, accepted.StatusToken, submission!.Category),
            ReportIntakeResult.Invalid invalid => _pages.ReportForm(context!.IdempotencyKey ?? NewFormKey(), submission, invalid.Errors),
            ReportIntakeResult.RateLimited => _pages.ReportForm(NewFormKey(), submission, problem: "We received several reports from this connection just now. Please wait a minute and send it again."),
            _ => _pages.ReportForm(NewFormKey(), submission, problem: "This form was already used for another report. Please send it again."),
        };
    }

    private static string NewFormKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
