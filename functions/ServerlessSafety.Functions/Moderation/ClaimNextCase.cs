using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Moderation;
using ServerlessSafety.Functions.Http;

namespace ServerlessSafety.Functions.Moderation;

/// <summary>
/// <c>POST /api/moderation/queue/next</c>: the moderator takes the top case no one else holds. A page is redirected to
/// the case; JSON answers the queue entry. 404 problem details when every open case is held.
/// </summary>
public sealed class ClaimNextCase
{
    private readonly ModerationWorkspace _workspace;

    /// <summary>Creates the function.</summary>
    public ClaimNextCase(ModerationWorkspace workspace)
    {
        _workspace = workspace;
    }

    /// <summary>Claims the next case for the signed-in moderator.</summary>
    [Function(nameof(ClaimNextCase))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "moderation/queue/next")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var moderator = ModeratorRequest.Read(request, out var refusal);
        if (moderator is null)
        {
            return refusal!;
        }

        if (ModeratorRequest.IsCrossSite(request))
        {
            return ProblemResults.Problem(StatusCodes.Status403Forbidden, "Cases are taken from the workspace only.");
        }

        var claimed = await _workspace.ClaimNextAsync(moderator.ModeratorId, new QueueFilter(), cancellationToken);
        if (claimed is null)
        {
            return ProblemResults.Problem(StatusCodes.Status404NotFound, "No case is free to take.", "Every open case is being worked by another moderator.");
        }

        return moderator.WantsJson
            ? new OkObjectResult(claimed)
            : new RedirectResult(moderator.Links.Case(claimed.CaseId), permanent: false, preserveMethod: false);
    }
}
