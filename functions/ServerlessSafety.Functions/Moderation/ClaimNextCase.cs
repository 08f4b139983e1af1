using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Moderation;
using ServerlessSafety.Domain.Policy;
using ServerlessSafety.Functions.Http;

namespace ServerlessSafety.Functions.Moderation;

/// <summary>
/// <c>POST /api/moderation/queue/next</c>: the moderator takes the top case no one else holds, within the queue's filter
/// (form fields or query: <c>category</c>, <c>minor</c>, <c>account</c>). A page is redirected to the case; JSON
/// answers the queue entry. 404 problem details when every such case is held.
/// </summary>
public sealed class ClaimNextCase
{
    private readonly ModeratorGate _gate;
    private const int MaxFormBytes = 4 * 1024;

    private readonly ModerationWorkspace _workspace;
    private readonly SafetyPolicy _policy;

    /// <summary>Creates the function.</summary>
    public ClaimNextCase(ModeratorGate gate, ModerationWorkspace workspace, SafetyPolicy policy)
    {
        _gate = gate;
        _workspace = workspace;
        _policy = policy;
    }

    /// <summary>Claims the next case for the signed-in moderator.</summary>
    [Function(nameof(ClaimNextCase))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "moderation/queue/next")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var moderator = _gate.Admit(request, out var refusal);
        if (moderator is null)
        {
            return refusal!;
        }

        if (ModeratorRequest.IsCrossSite(request))
        {
            return ProblemResults.Problem(StatusCodes.Status403Forbidden, "Cases are taken from the workspace only.");
        }

        var form = request.HasFormContentType && request.ContentLength is <= MaxFormBytes ? await request.ReadFormAsync(cancellationToken) : null;
        var filter = form is null
            ? QueueFilterReader.FromQuery(request, _policy)
            : QueueFilterReader.Read(name => form.TryGetValue(name, out var v) ? v.ToString() : null, _policy);
        var claimed = await _workspace.ClaimNextAsync(moderator.ModeratorId, filter, cancellationToken);
        if (claimed is null)
        {
            return ProblemResults.Problem(StatusCodes.Status404NotFound, "No case is free to take.", "Every open case of this queue is being worked by another moderator, or holds media past your limit for today.");
        }

        return moderator.WantsJson
            ? new OkObjectResult(claimed)
            : new RedirectResult(moderator.Links.Case(claimed.CaseId), permanent: false, preserveMethod: false);
    }
}
