using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Moderation;
using ServerlessSafety.Domain.Moderation.Pages;
using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Functions.Moderation;

/// <summary><c>GET /api/moderation/queue</c>: open cases by priority and deadline (<c>?category=</c>, <c>?minor=true</c>, <c>?limit=</c>).</summary>
public sealed class ModerationQueue
{
    private readonly ModerationWorkspace _workspace;
    private readonly SafetyPolicy _policy;

    /// <summary>Creates the function.</summary>
    public ModerationQueue(ModerationWorkspace workspace, SafetyPolicy policy)
    {
        _workspace = workspace;
        _policy = policy;
    }

    /// <summary>The queue as a page or JSON.</summary>
    [Function(nameof(ModerationQueue))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "moderation/queue")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var moderator = ModeratorRequest.Read(request, out var refusal);
        if (moderator is null)
        {
            return refusal!;
        }

        var category = request.Query["category"].ToString();
        var filter = new QueueFilter(
            _policy.FindCategory(category)?.Id,
            request.Query["minor"].ToString() == "true",
            int.TryParse(request.Query["limit"], out var limit) ? limit : 100);
        var items = await _workspace.ListQueueAsync(filter, cancellationToken);
        return moderator.WantsJson
            ? new OkObjectResult(new { items })
            : ModeratorRequest.Page(QueuePage.Render(items, filter, _policy, moderator.ModeratorId, moderator.Links));
    }
}
