namespace ServerlessSafety.Domain.Reports;

/// <summary>
/// What the HTTP function persists before it answers 202: the validated report under its case id. The intake
/// function turns it into the case; until then the status page shows it as received.
/// </summary>
/// <param name="Id">The case id the report will have.</param>
/// <param name="Report">The validated report.</param>
/// <param name="StatusTokenHash">SHA-256 of the status token.</param>
/// <param name="ReceivedAt">When it was accepted.</param>
public sealed record ReportReceipt(string Id, ValidReport Report, string StatusTokenHash, DateTimeOffset ReceivedAt);
