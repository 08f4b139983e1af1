using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Moderation;
using ServerlessSafety.Domain.Moderation.Pages;
using ServerlessSafety.Functions.Http;

namespace ServerlessSafety.Functions.Moderation;

/// <summary><c>GET /api/moderation/cases/{caseId}</c>: the case page (<c>?media=none</c> for hash-only); the view is audited.</summary>
public sealed class ModerationCase
{
    private readonly ModeratorGate _gate;
    private readonly ModerationWorkspace _workspace;

    /// <summary>Creates the function.</summary>
    public ModerationCase(ModeratorGate gate, ModerationWorkspace workspace)
    {
        _gate = gate;
        _workspace = workspace;
    }

    /// <summary>The case as a page or JSON.</summary>
    [Function(nameof(ModerationCase))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "moderation/cases/{caseId}")] HttpRequest request,
        string caseId,
        CancellationToken cancellationToken)
    {
        var moderator = _gate.Admit(request, out var refusal);
        if (moderator is null)
        {
            return refusal!;
        }

        var view = await _workspace.OpenCaseAsync(caseId, moderator.ModeratorId, request.Query["media"] == "none", cancellationToken);
        if (view is null)
        {
            return ProblemResults.Problem(StatusCodes.Status404NotFound, "No such case.");
        }

        return moderator.WantsJson
            ? new OkObjectResult(new { view.Case, view.Offender, category = view.Category.Id, view.Audit, view.Today })
            : ModeratorRequest.Page(CasePage.Render(view, moderator.Moderator.Name, moderator.Links));
    }
}
