using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Moderation;
using ServerlessSafety.Domain.Moderation.Pages;
using ServerlessSafety.Functions.Http;

namespace ServerlessSafety.Functions.Moderation;

/// <summary>
/// <c>POST /api/moderation/cases/{caseId}/files/{sha256}/reveal</c>: the case page with that one file shown unblurred;
/// the reveal is audited. Leaving or reloading the case page blurs it again.
/// </summary>
public sealed class RevealCaseFile
{
    private readonly ModeratorGate _gate;
    private readonly ModerationWorkspace _workspace;

    /// <summary>Creates the function.</summary>
    public RevealCaseFile(ModeratorGate gate, ModerationWorkspace workspace)
    {
        _gate = gate;
        _workspace = workspace;
    }

    /// <summary>Records the reveal and answers the page.</summary>
    [Function(nameof(RevealCaseFile))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "moderation/cases/{caseId}/files/{sha256}/reveal")] HttpRequest request,
        string caseId,
        string sha256,
        CancellationToken cancellationToken)
    {
        var moderator = _gate.Admit(request, out var refusal);
        if (moderator is null)
        {
            return refusal!;
        }

        if (ModeratorRequest.IsCrossSite(request))
        {
            return ProblemResults.Problem(StatusCodes.Status403Forbidden, "Reveals are made from the workspace only.");
        }

        var view = await _workspace.RevealAsync(caseId, sha256, moderator.ModeratorId, cancellationToken);
        return view is null
            ? ProblemResults.Problem(StatusCodes.Status404NotFound, "No such case or file.")
            : ModeratorRequest.Page(CasePage.Render(view, moderator.Moderator.Name, moderator.Links));
    }
}
