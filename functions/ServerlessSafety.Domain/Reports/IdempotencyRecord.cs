namespace ServerlessSafety.Domain.Reports;

/// <summary>The case a client's Idempotency-Key produced, and a fingerprint of the body that produced it.</summary>
/// <param name="Id">SHA-256 of the client key and the Idempotency-Key (neither is stored in clear).</param>
/// <param name="CaseId">The case created.</param>
/// <param name="RequestFingerprint">SHA-256 of the request body, to refuse the same key with another body.</param>
public sealed record IdempotencyRecord(string Id, string CaseId, string RequestFingerprint);
