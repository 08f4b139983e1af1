using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Moderation;
using ServerlessSafety.Functions.Http;

namespace ServerlessSafety.Functions.Moderation;

/// <summary>
/// <c>GET /api/moderation/cases/{caseId}/files/{sha256}</c>: a case file's bytes, streamed by the app from the private
/// container (never a public link), not cached. Media types other than image, video and audio download as files.
/// </summary>
public sealed class GetCaseFile
{
    private readonly ModeratorGate _gate;
    private readonly ModerationWorkspace _workspace;

    /// <summary>Creates the function.</summary>
    public GetCaseFile(ModeratorGate gate, ModerationWorkspace workspace)
    {
        _gate = gate;
        _workspace = workspace;
    }

    /// <summary>Streams the file.</summary>
    [Function(nameof(GetCaseFile))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "moderation/cases/{caseId}/files/{sha256}")] HttpRequest request,
        string caseId,
        string sha256,
        CancellationToken cancellationToken)
    {
        if (_gate.Admit(request, out var refusal) is null)
        {
            return refusal!;
        }

        var opened = await _workspace.OpenFileAsync(caseId, sha256, cancellationToken);
        if (opened is not { } found)
        {
            return ProblemResults.Problem(StatusCodes.Status404NotFound, "No such case or file.");
        }

        var type = found.File.ContentType;
        var inline = type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || type.StartsWith("video/", StringComparison.OrdinalIgnoreCase) || type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase);
        return inline
            ? new FileStreamResult(found.Content, type)
            : new FileStreamResult(found.Content, "application/octet-stream") { FileDownloadName = found.File.Sha256 };
    }
}
