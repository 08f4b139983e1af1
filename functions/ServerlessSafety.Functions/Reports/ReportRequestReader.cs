using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ServerlessSafety.Domain.Reports;
using ServerlessSafety.Functions.Http;

namespace ServerlessSafety.Functions.Reports;

/// <summary>Turns an HTTP request into a submission: JSON from apps, a form from the report page.</summary>
public static class ReportRequestReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>Reads a JSON report, or the problem answer that explains why it cannot be read.</summary>
    public static async Task<(ReportSubmission? Submission, ReportSubmissionContext? Context, IActionResult? Problem)> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsMediaType(request, "application/json"))
        {
            return (null, null, ProblemResults.Problem(StatusCodes.Status415UnsupportedMediaType, "Send the report as JSON.", "Set Content-Type: application/json."));
        }

        if (ReadIdempotencyKey(request, out var idempotencyKey) is { } keyProblem)
        {
            return (null, null, keyProblem);
        }

        var body = await BoundedBody.ReadAsync(request, ReportLimits.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return (null, null, ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "The report is too large.", $"A report body can be at most {ReportLimits.MaxBodyBytes / 1024} KB."));
        }

        try
        {
            var submission = JsonSerializer.Deserialize<ReportSubmission>(body, Json);
            if (submission is null)
            {
                return (null, null, ProblemResults.Problem(StatusCodes.Status400BadRequest, "The body is not a report.", "Send a JSON object."));
            }

            return (submission, Context(request, idempotencyKey, body), null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, null, ProblemResults.Problem(
                StatusCodes.Status400BadRequest,
                "The body is not valid JSON for a report.",
                "Check the field named in 'errors' (types: text for text fields, true or false for yes/no questions).",
                new Dictionary<string, string[]> { [field] = ["This value has the wrong type or is not valid JSON."] }));
        }
    }

    /// <summary>Reads the report page's form (with an optional evidence file), or the problem with it.</summary>
    public static async Task<(ReportSubmission? Submission, ReportSubmissionContext? Context, IReadOnlyList<EvidenceUpload> Evidence, string? Problem)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, null, [], "The form could not be read. Please try again.");
        }

        var body = await BoundedBody.ReadAsync(request, ReportLimits.MaxBodyWithEvidenceBytes, cancellationToken);
        if (body is null)
        {
            return (null, null, [], $"The file is too large. Files can be at most {ReportLimits.MaxEvidenceBytes / (1024 * 1024)} MB.");
        }

        request.Body = new MemoryStream(body, writable: false);
        var form = await request.ReadFormAsync(cancellationToken);
        string? Text(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        bool Yes(string name) => string.Equals(Text(name), "yes", StringComparison.OrdinalIgnoreCase);

        var submission = new ReportSubmission
        {
            Category = Text("category"),
            ContentUrl = Text("contentUrl"),
            UploadId = Text("uploadId"),
            Account = Text("account"),
            Message = Text("message"),
            Justification = Text("justification"),
            ReporterIsDepicted = Yes("reporterIsDepicted"),
            InvolvesMinor = Yes("involvesMinor"),
            Contact = new ReportContact(Text("contactEmail"), Text("contactWebhook")),
        };

        var evidence = new List<EvidenceUpload>();
        foreach (var file in form.Files.Where(f => f.Name == "evidence" && f.Length > 0).Take(3))
        {
            using var content = new MemoryStream();
            await file.CopyToAsync(content, cancellationToken);
            evidence.Add(new EvidenceUpload(file.FileName, content.ToArray()));
        }

        // Form posts carry a per-page idempotency key, so a double-click files one report.
        return (submission, new ReportSubmissionContext(ClientAddress.Of(request), Text("formKey") is { Length: > 0 and <= ReportLimits.MaxIdempotencyKeyLength } k ? k : null, Fingerprint(body)), evidence, null);
    }

    private static IActionResult? ReadIdempotencyKey(HttpRequest request, out string? key)
    {
        key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length == 0)
        {
            key = null;
            return null;
        }

        return key.Length > ReportLimits.MaxIdempotencyKeyLength
            ? ProblemResults.Problem(StatusCodes.Status400BadRequest, "The Idempotency-Key is too long.", $"Use at most {ReportLimits.MaxIdempotencyKeyLength} characters, for example a UUID.")
            : null;
    }

    private static ReportSubmissionContext Context(HttpRequest request, string? idempotencyKey, byte[] body)
        => new(ClientAddress.Of(request), idempotencyKey, Fingerprint(body));

    private static string Fingerprint(byte[] body) => Convert.ToHexStringLower(SHA256.HashData(body));

    private static bool IsMediaType(HttpRequest request, string mediaType)
        => request.ContentType is { } contentType && contentType.Split(';', 2)[0].Trim().Equals(mediaType, StringComparison.OrdinalIgnoreCase);
}
