namespace ServerlessSafety.Domain.Reports;

/// <summary>Facts about the request a submission came in, apart from its fields.</summary>
/// <param name="ClientKey">Identifies the client for the rate limit (the first forwarded address, hashed before use).</param>
/// <param name="IdempotencyKey">The Idempotency-Key header, if sent.</param>
/// <param name="BodyFingerprint">SHA-256 of the body, to tell a retry from a different report under the same key.</param>
public sealed record ReportSubmissionContext(string ClientKey, string? IdempotencyKey, string BodyFingerprint);
