using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Reports;

/// <summary>
/// Answers a reporter's status request. A wrong token and an unknown case give the same answer (null), so
/// the endpoint tells nobody which case references exist.
/// </summary>
public sealed class ReportStatus
{
    private const string Received = "received";

    private readonly ICaseStore _cases;
    private readonly IReportReceiptStore _receipts;

    /// <summary>Creates the service.</summary>
    public ReportStatus(ICaseStore cases, IReportReceiptStore receipts)
    {
        _cases = cases;
        _receipts = receipts;
    }

    /// <summary>The status of <paramref name="caseId"/> if <paramref name="token"/> is its status token, else null.</summary>
    public async Task<ReportStatusView?> GetAsync(string caseId, string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || caseId.Length > 64)
        {
            return null;
        }

        if (await _cases.GetAsync(caseId, cancellationToken) is { Origin: CaseOrigin.Report } safetyCase)
        {
            return StatusTokens.Matches(token, safetyCase.StatusTokenHash) ? View(safetyCase) : null;
        }

        // Stored but not yet opened by the intake function: the report is received and nothing more.
        var receipt = await _receipts.GetAsync(caseId, cancellationToken);
        if (receipt is null || !StatusTokens.Matches(token, receipt.StatusTokenHash))
        {
            return null;
        }

        return new ReportStatusView(caseId, CaseStatus.Received, receipt.Report.Category, receipt.ReceivedAt, null, [Acknowledged(receipt.ReceivedAt)], null);
    }

    private static ReportStatusView View(SafetyCase c)
    {
        var timeline = c.Timeline.Where(e => e.IsVisibleToReporter).Select(e => new ReportStatusEntry(e.At, e.Kind, e.Notice!)).ToList();

        // The acknowledgment notice reaches the timeline a moment after the case opens; the reporter sees the
        // report as received all the same, never an empty history.
        if (!timeline.Any(e => e.Kind == Received))
        {
            timeline.Insert(0, Acknowledged(c.OpenedAt));
        }

        return new(c.Id, c.Status, c.Category, c.OpenedAt, c.DueBy, timeline, c.Resolution?.Summary);
    }

    private static ReportStatusEntry Acknowledged(DateTimeOffset at) => new(at, Received, "We received your report.");
}
