using System.Collections.Concurrent;
using ServerlessSafety.Domain.Notices;
using ServerlessSafety.Domain.Reports;

namespace ServerlessSafety.Domain.Tests.Fakes;

public sealed class InMemoryReceiptStore : IReportReceiptStore
{
    public ConcurrentDictionary<string, ReportReceipt> Receipts { get; } = new();

    public Task<bool> TryCreateAsync(ReportReceipt receipt, CancellationToken cancellationToken = default) => Task.FromResult(Receipts.TryAdd(receipt.Id, receipt));

    public Task<ReportReceipt?> GetAsync(string caseId, CancellationToken cancellationToken = default) => Task.FromResult(Receipts.GetValueOrDefault(caseId));
}

public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, IdempotencyRecord> _records = new();

    public Task<IdempotencyRecord?> TryClaimAsync(IdempotencyRecord record, CancellationToken cancellationToken = default)
        => Task.FromResult(_records.TryAdd(record.Id, record) ? null : _records[record.Id]);
}

public sealed class InMemoryNoticeOutbox : INoticeOutbox
{
    public ConcurrentDictionary<string, Notice> Notices { get; } = new();

    public Task AddAsync(Notice notice, CancellationToken cancellationToken = default)
    {
        Notices.TryAdd(notice.Id, notice);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Notice>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<Notice>>(Notices.Values.Where(n => n.State == NoticeState.Pending && n.NextAttemptAt <= now).Take(limit).ToList());

    public Task<IReadOnlyList<Notice>> ListForCaseAsync(string caseId, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<Notice>>(Notices.Values.Where(n => n.CaseId == caseId).OrderBy(n => n.CreatedAt).ToList());

    public Task SaveAsync(Notice notice, CancellationToken cancellationToken = default)
    {
        Notices[notice.Id] = notice;
        return Task.CompletedTask;
    }
}
