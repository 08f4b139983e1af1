using Microsoft.Azure.Cosmos;
using ServerlessSafety.Domain.Reports;

namespace ServerlessSafety.Storage.Cosmos.Reports;

/// <summary>Report receipts in the container <c>reports</c>.</summary>
public sealed class CosmosReportReceiptStore : IReportReceiptStore
{
    private readonly Container _container;

    /// <summary>Creates the store.</summary>
    public CosmosReportReceiptStore(CosmosContainers containers)
    {
        _container = containers.Get("reports");
    }

    /// <inheritdoc />
    public Task<bool> TryCreateAsync(ReportReceipt receipt, CancellationToken cancellationToken = default)
        => _container.TryCreateAsync(receipt, receipt.Id, cancellationToken);

    /// <inheritdoc />
    public Task<ReportReceipt?> GetAsync(string caseId, CancellationToken cancellationToken = default)
        => _container.TryReadAsync<ReportReceipt>(caseId, cancellationToken);
}
