using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Moderation;
using ServerlessSafety.Domain.Moderation.Access;
using ServerlessSafety.Domain.Moderation.Audit;
using ServerlessSafety.Domain.Moderation.Pages;

namespace ServerlessSafety.Functions.Moderation;

/// <summary>
/// <c>GET /api/moderation/audit</c> (admins): the latest audit entries, by case (<c>?caseId=</c>) or by moderator
/// (<c>?moderator=</c>), as a page or JSON. There is no endpoint that changes an entry.
/// </summary>
public sealed class ModerationAuditLog
{
    private readonly ModeratorGate _gate;
    private readonly ModeratorActivity _activity;

    /// <summary>Creates the function.</summary>
    public ModerationAuditLog(ModeratorGate gate, ModeratorActivity activity)
    {
        _gate = gate;
        _activity = activity;
    }

    /// <summary>The entries.</summary>
    [Function(nameof(ModerationAuditLog))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "moderation/audit")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var admin = _gate.Admit(request, out var refusal, adminOnly: true);
        if (admin is null)
        {
            return refusal!;
        }

        var caseId = request.Query["caseId"].ToString();
        var moderatorId = request.Query["moderator"].ToString();
        var query = new AuditQuery(
            caseId.Length is > 0 and <= 64 ? caseId : null,
            Moderator.IsValidId(moderatorId) ? moderatorId : null,
            int.TryParse(request.Query["limit"], out var limit) ? limit : 100);
        var entries = await _activity.ReadAuditAsync(query, cancellationToken);
        return admin.WantsJson
            ? new OkObjectResult(new { entries })
            : ModeratorRequest.Page(AuditPage.Render(entries, query, admin.Moderator.Name, admin.Links));
    }
}
