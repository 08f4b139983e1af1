namespace ServerlessSafety.Domain.Reports;

/// <summary>Report receipts by case id.</summary>
public interface IReportReceiptStore
{
    /// <summary>Stores a receipt; returns false when one with that id exists.</summary>
    Task<bool> TryCreateAsync(ReportReceipt receipt, CancellationToken cancellationToken = default);

    /// <summary>Reads a receipt, or null.</summary>
    Task<ReportReceipt?> GetAsync(string caseId, CancellationToken cancellationToken = default);
}
