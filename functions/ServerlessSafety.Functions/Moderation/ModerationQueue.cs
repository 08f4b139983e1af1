using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Moderation;
using ServerlessSafety.Domain.Moderation.Queue;
using ServerlessSafety.Domain.Moderation.Pages;
using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Functions.Moderation;

/// <summary>
/// <c>GET /api/moderation/queue</c>: open cases by priority and deadline (<c>?category=</c>, <c>?minor=true</c>,
/// <c>?account=</c>, <c>?limit=</c>), read from the queue view, and the moderator's exposure today.
/// </summary>
public sealed class ModerationQueue
{
    private readonly ModeratorGate _gate;
    private readonly ModerationWorkspace _workspace;
    private readonly SafetyPolicy _policy;

    /// <summary>Creates the function.</summary>
    public ModerationQueue(ModeratorGate gate, ModerationWorkspace workspace, SafetyPolicy policy)
    {
        _gate = gate;
        _workspace = workspace;
        _policy = policy;
    }

    /// <summary>The queue as a page or JSON.</summary>
    [Function(nameof(ModerationQueue))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "moderation/queue")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var moderator = _gate.Admit(request, out var refusal);
        if (moderator is null)
        {
            return refusal!;
        }

        var filter = QueueFilterReader.FromQuery(request, _policy);
        var snapshot = await _workspace.ListQueueAsync(filter, moderator.ModeratorId, cancellationToken);
        return moderator.WantsJson
            ? new OkObjectResult(new { items = snapshot.Items, today = snapshot.Today })
            : ModeratorRequest.Page(QueuePage.Render(snapshot, filter, _policy, moderator.Moderator.Name, moderator.Links));
    }
}
