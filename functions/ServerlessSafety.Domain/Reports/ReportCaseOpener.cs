using Microsoft.Extensions.Logging;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Notices;
using ServerlessSafety.Domain.Pipeline;
using ServerlessSafety.Domain.Sla;

namespace ServerlessSafety.Domain.Reports;

/// <summary>
/// Turns a stored report receipt into its case: creates the case once, banks the reported hashes, starts the
/// SLA clock, acknowledges the reporter and queues the case for triage. Every step is idempotent, so a
/// redelivered intake message finishes what an interrupted one began and duplicates nothing.
/// </summary>
public sealed partial class ReportCaseOpener
{
    /// <summary>The acknowledgment's timeline kind.</summary>
    public const string ReceivedKind = "received";

    private readonly IReportReceiptStore _receipts;
    private readonly ICaseStore _cases;
    private readonly IReportCategories _categories;
    private readonly IReportedContentBank _bank;
    private readonly CaseNotices _notices;
    private readonly ICaseWorkQueue _queue;
    private readonly SlaReminderSchedule _reminders;
    private readonly ILogger<ReportCaseOpener> _logger;

    /// <summary>Creates the opener.</summary>
    public ReportCaseOpener(
        IReportReceiptStore receipts,
        ICaseStore cases,
        IReportCategories categories,
        IReportedContentBank bank,
        CaseNotices notices,
        ICaseWorkQueue queue,
        SlaReminderSchedule reminders,
        ILogger<ReportCaseOpener> logger)
    {
        _receipts = receipts;
        _cases = cases;
        _categories = categories;
        _bank = bank;
        _notices = notices;
        _queue = queue;
        _reminders = reminders;
        _logger = logger;
    }

    /// <summary>Opens the case of <paramref name="caseId"/>'s receipt.</summary>
    /// <exception cref="InvalidOperationException">There is no receipt: the message cannot be worked and dead-letters.</exception>
    public async Task OpenAsync(string caseId, ICaseSlaClock clock, CancellationToken cancellationToken = default)
    {
        var receipt = await _receipts.GetAsync(caseId, cancellationToken)
            ?? throw new InvalidOperationException($"No report receipt for case {caseId}.");
        var report = receipt.Report;
        var safetyCase = new SafetyCase
        {
            Id = caseId,
            Category = report.Category,
            Origin = CaseOrigin.Report,
            OpenedAt = receipt.ReceivedAt,
            DueBy = receipt.ReceivedAt + _categories.DeadlineFor(report.Category, report.InvolvesMinor),
            Subject = report.Subject,
            Justification = report.Justification,
            ReporterIsDepicted = report.ReporterIsDepicted,
            InvolvesMinor = report.InvolvesMinor,
            Contact = report.Contact,
            StatusTokenHash = receipt.StatusTokenHash,
            Hashes = report.Hashes,
            Files = report.Evidence,
        };

        var created = await _cases.TryCreateAsync(safetyCase, cancellationToken);
        safetyCase = created ? safetyCase : await _cases.GetAsync(caseId, cancellationToken) ?? safetyCase;

        var banked = await _bank.AddReportedAsync(safetyCase, cancellationToken);
        if (banked.Count > 0)
        {
            await _cases.UpdateAsync(caseId, c => c with { Hashes = c.Hashes.Union(banked).ToList() }, cancellationToken);
        }

        await clock.StartAsync(new CaseSlaStart(caseId, safetyCase.DueBy, _reminders.For(safetyCase.OpenedAt, safetyCase.DueBy)), cancellationToken);
        await _notices.NotifyAsync(
            caseId,
            ReceivedKind,
            $"We received your report. A person on our safety team will look at it, and we aim to resolve it by {safetyCase.DueBy:yyyy-MM-dd HH:mm} UTC. You can check its status at any time with your case reference and status code.",
            cancellationToken: cancellationToken);
        await _queue.SendAsync(PipelineQueue.Triage, new CaseWorkItem(caseId, ReportIntake.ReceivedReason), $"{caseId}:triage:{ReportIntake.ReceivedReason}", cancellationToken);
        LogOpened(caseId, created);
    }

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Case {CaseId} opened from its report (new: {Created})")]
    private partial void LogOpened(string caseId, bool created);
}
