using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ServerlessSafety.Functions.Http;

/// <summary>RFC 9457 problem details answers, the one shape every HTTP error of the app takes.</summary>
public static class ProblemResults
{
    /// <summary>A problem with a status, a title and an optional detail.</summary>
    public static IActionResult Problem(int status, string title, string? detail = null, IDictionary<string, string[]>? errors = null)
    {
        ProblemDetails problem = errors is null
            ? new ProblemDetails()
            : new ValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Type = $"https://httpstatuses.io/{status}";
        return new ObjectResult(problem)
        {
            StatusCode = status,
            ContentTypes = { "application/problem+json" },
        };
    }

    /// <summary>422 with the problems of each field.</summary>
    public static IActionResult Validation(IDictionary<string, string[]> errors)
        => Problem(StatusCodes.Status422UnprocessableEntity, "The report has problems.", "Fix the fields listed in 'errors' and send it again.", errors);
}
