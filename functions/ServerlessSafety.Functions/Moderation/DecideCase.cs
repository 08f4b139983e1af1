using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using ServerlessSafety.Domain.Moderation;
using ServerlessSafety.Domain.Moderation.Pages;
using ServerlessSafety.Functions.Cases;
using ServerlessSafety.Functions.Http;

namespace ServerlessSafety.Functions.Moderation;

/// <summary>
/// <c>POST /api/moderation/cases/{caseId}/decision</c>: a form (<c>outcome</c>, <c>applyConsequence</c>,
/// <c>reportToNcmec</c>, <c>note</c>) or JSON with the same names.
/// </summary>
public sealed class DecideCase
{
    private readonly ModeratorGate _gate;
    private const int MaxBodyBytes = 16 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly DecisionService _decisions;
    private readonly ModerationWorkspace _workspace;

    /// <summary>Creates the function.</summary>
    public DecideCase(ModeratorGate gate, DecisionService decisions, ModerationWorkspace workspace)
    {
        _gate = gate;
        _decisions = decisions;
        _workspace = workspace;
    }

    /// <summary>Records the decision; a page answers 303 to the case page, JSON answers the result.</summary>
    [Function(nameof(DecideCase))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "moderation/cases/{caseId}/decision")] HttpRequest request,
        string caseId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var moderator = _gate.Admit(request, out var refusal);
        if (moderator is null)
        {
            return refusal!;
        }

        var form = request.HasFormContentType;
        if (form && ModeratorRequest.IsCrossSite(request))
        {
            return ProblemResults.Problem(StatusCodes.Status403Forbidden, "Decisions are made from the workspace only.");
        }

        var body = await BoundedBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "The decision is too large.");
        }

        ModerationDecision? decision;
        IReadOnlyList<string> problems = [];
        if (form)
        {
            request.Body = new MemoryStream(body, writable: false);
            var fields = await request.ReadFormAsync(cancellationToken);
            decision = ModerationDecision.FromForm(name => fields.TryGetValue(name, out var v) ? v.ToString() : null, out problems);
        }
        else
        {
            try
            {
                decision = JsonSerializer.Deserialize<ModerationDecision>(body, Json);
            }
            catch (JsonException)
            {
                decision = null;
            }

            problems = decision is null ? ["Send outcome, applyConsequence, note and optionally reportToNcmec."] : [];
        }

        var result = decision is null
            ? new DecisionResult(DecisionStatus.Invalid, null, problems)
            : await _decisions.DecideAsync(caseId, decision, moderator.ModeratorId, new DurableCaseSlaClock(durable), cancellationToken);
        return form && !moderator.WantsJson ? await AsPageAsync(result, caseId, moderator, cancellationToken) : AsJson(result);
    }

    private async Task<IActionResult> AsPageAsync(DecisionResult result, string caseId, ModeratorRequest moderator, CancellationToken cancellationToken)
    {
        if (result.Status is DecisionStatus.Resolved or DecisionStatus.AlreadyResolved)
        {
            return new RedirectResult(moderator.Links.Case(caseId), permanent: false, preserveMethod: false) { };
        }

        var view = await _workspace.OpenCaseAsync(caseId, moderator.ModeratorId, hashOnly: false, cancellationToken);
        return view is null
            ? ProblemResults.Problem(StatusCodes.Status404NotFound, "No such case.")
            : ModeratorRequest.Page(CasePage.Render(view, moderator.Moderator.Name, moderator.Links, result.Problems), StatusCodes.Status400BadRequest);
    }

    private static IActionResult AsJson(DecisionResult result) => result.Status switch
    {
        DecisionStatus.Resolved => new OkObjectResult(new { status = result.Status, resolution = result.Case!.Resolution, strike = result.Strike, ncmecReportRequested = result.NcmecReportRequested }),
        DecisionStatus.AlreadyResolved => ProblemResults.Problem(StatusCodes.Status409Conflict, "The case was already resolved."),
        DecisionStatus.NotFound => ProblemResults.Problem(StatusCodes.Status404NotFound, "No such case."),
        _ => ProblemResults.Problem(StatusCodes.Status400BadRequest, "The decision was refused.", string.Join(" ", result.Problems)),
    };
}
