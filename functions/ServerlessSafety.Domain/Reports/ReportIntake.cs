using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Content;
using ServerlessSafety.Domain.Pipeline;

namespace ServerlessSafety.Domain.Reports;

/// <summary>
/// Takes a victim's report: validates it, persists a receipt and queues it for intake, so that a 202 is only
/// ever given for a report that is stored. Retries with the same Idempotency-Key get the same case.
/// </summary>
public sealed partial class ReportIntake
{
    /// <summary>The reason on queued work for a new report.</summary>
    public const string ReceivedReason = "report-received";

    private readonly ReportValidator _validator;
    private readonly ReportRateLimiter _rateLimiter;
    private readonly StatusTokens _tokens;
    private readonly IReportReceiptStore _receipts;
    private readonly IIdempotencyStore _idempotency;
    private readonly IContentVault _vault;
    private readonly ICaseWorkQueue _queue;
    private readonly TimeProvider _time;
    private readonly ILogger<ReportIntake> _logger;

    /// <summary>Creates the intake.</summary>
    public ReportIntake(
        ReportValidator validator,
        ReportRateLimiter rateLimiter,
        StatusTokens tokens,
        IReportReceiptStore receipts,
        IIdempotencyStore idempotency,
        IContentVault vault,
        ICaseWorkQueue queue,
        TimeProvider time,
        ILogger<ReportIntake> logger)
    {
        _validator = validator;
        _rateLimiter = rateLimiter;
        _tokens = tokens;
        _receipts = receipts;
        _idempotency = idempotency;
        _vault = vault;
        _queue = queue;
        _time = time;
        _logger = logger;
    }

    /// <summary>Submits a report with any evidence files the page attached.</summary>
    public async Task<ReportIntakeResult> SubmitAsync(
        ReportSubmission submission,
        ReportSubmissionContext context,
        IReadOnlyList<EvidenceUpload>? evidence = null,
        CancellationToken cancellationToken = default)
    {
        if (_rateLimiter.TryAcquire(Sha256Hex(context.ClientKey)) is { } retryAfter)
        {
            return new ReportIntakeResult.RateLimited(retryAfter);
        }

        var evidenceErrors = new ValidationErrors();
        var detected = DetectEvidence(evidence ?? [], evidenceErrors);
        var validation = _validator.Validate(submission, hasEvidence: detected.Count > 0);
        if (!validation.IsValid || evidenceErrors.Count > 0)
        {
            foreach (var (field, messages) in evidenceErrors)
            {
                foreach (var message in messages)
                {
                    validation.Errors.Add(field, message);
                }
            }

            return new ReportIntakeResult.Invalid(validation.Errors);
        }

        var caseId = StatusTokens.NewCaseId();
        var replayed = false;
        if (!string.IsNullOrEmpty(context.IdempotencyKey))
        {
            var claim = new IdempotencyRecord(Sha256Hex(context.ClientKey + "\n" + context.IdempotencyKey), caseId, context.BodyFingerprint);
            if (await _idempotency.TryClaimAsync(claim, cancellationToken) is { } earlier)
            {
                if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(earlier.RequestFingerprint), Encoding.ASCII.GetBytes(context.BodyFingerprint)))
                {
                    return new ReportIntakeResult.KeyReused();
                }

                caseId = earlier.CaseId;
                replayed = true;
            }
        }

        var files = await StoreEvidenceAsync(caseId, detected, cancellationToken);
        var token = _tokens.Issue(caseId);
        var receipt = new ReportReceipt(caseId, validation.Report! with { Evidence = files }, StatusTokens.Hash(token), _time.GetUtcNow());

        // A retry may find the receipt already written by the first attempt; queueing again is harmless
        // because the queue drops the duplicate message id and intake is idempotent.
        await _receipts.TryCreateAsync(receipt, cancellationToken);
        await _queue.SendAsync(PipelineQueue.ReportIntake, new CaseWorkItem(caseId, ReceivedReason), $"{caseId}:{ReceivedReason}", cancellationToken);
        LogAccepted(caseId, receipt.Report.Category, replayed);
        return new ReportIntakeResult.Accepted(caseId, token, replayed);
    }

    private static List<(EvidenceUpload Upload, string MediaType)> DetectEvidence(IReadOnlyList<EvidenceUpload> evidence, ValidationErrors errors)
    {
        var detected = new List<(EvidenceUpload, string)>();
        foreach (var upload in evidence.Where(e => e.Content.Length > 0))
        {
            if (upload.Content.Length > ReportLimits.MaxEvidenceBytes)
            {
                errors.Add("evidence", $"A file can be at most {ReportLimits.MaxEvidenceBytes / (1024 * 1024)} MB.");
            }
            else if (EvidenceMediaType.Detect(upload.Content.Span) is { } mediaType)
            {
                detected.Add((upload, mediaType));
            }
            else
            {
                errors.Add("evidence", "Attach a picture (JPEG, PNG, GIF, WebP or BMP).");
            }
        }

        return detected;
    }

    private async Task<IReadOnlyList<CaseFile>> StoreEvidenceAsync(string caseId, List<(EvidenceUpload Upload, string MediaType)> evidence, CancellationToken cancellationToken)
    {
        var files = new List<CaseFile>();
        foreach (var (upload, mediaType) in evidence)
        {
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(upload.Content.Span));
            var md5 = Convert.ToHexStringLower(MD5.HashData(upload.Content.Span));
            var location = new BlobLocation(ContentContainers.Quarantine, $"reports/{caseId}/{sha256}");
            if (await _vault.GetAsync(location, cancellationToken) is null)
            {
                await using var content = new MemoryStream(upload.Content.ToArray(), writable: false);
                await _vault.WriteAsync(location, content, mediaType, new Dictionary<string, string> { ["caseId"] = caseId, ["sha256"] = sha256 }, cancellationToken: cancellationToken);
            }

            files.Add(new CaseFile(location.Container, location.Name, mediaType, upload.Content.Length, sha256, md5));
        }

        return files;
    }

    private static string Sha256Hex(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Report accepted as case {CaseId} in category {Category} (replayed: {Replayed})")]
    private partial void LogAccepted(string caseId, string category, bool replayed);
}
