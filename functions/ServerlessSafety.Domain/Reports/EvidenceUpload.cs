namespace ServerlessSafety.Domain.Reports;

/// <summary>A file a reporter attached on the report page.</summary>
/// <param name="FileName">The name the browser gave (never stored or logged; only used for the message).</param>
/// <param name="Content">The bytes, already bounded by <see cref="ReportLimits.MaxEvidenceBytes"/>.</param>
public sealed record EvidenceUpload(string FileName, ReadOnlyMemory<byte> Content);
