using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Notices;
using ServerlessSafety.Domain.Pipeline;
using ServerlessSafety.Domain.Reports;
using ServerlessSafety.Domain.Sla;
using ServerlessSafety.Domain.Tests.Fakes;

namespace ServerlessSafety.Domain.Tests.Reports;

public sealed class ReportCaseOpenerTests
{
    private readonly InMemoryReceiptStore _receipts = new();
    private readonly InMemoryCaseStore _cases = new();
    private readonly InMemoryNoticeOutbox _outbox = new();
    private readonly RecordingWorkQueue _queue = new();
    private readonly RecordingClock _clock = new();
    private readonly RecordingBank _bank = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-06T10:00:00Z"));
    private readonly ReportCaseOpener _opener;

    public ReportCaseOpenerTests()
    {
        _opener = new ReportCaseOpener(_receipts, _cases, new FixedReportCategories(), _bank, new CaseNotices(_cases, _outbox, _time), _queue, SlaReminderSchedule.Default, NullLogger<ReportCaseOpener>.Instance);
        var report = new ValidReport("sextortion", new ReportedSubject(null, null, "@offender", null), "threats", true, false, new ContactChannel(ContactKind.Email, "me@example.org"), [new ContentHash("md5", new string('a', 32))], []);
        _receipts.Receipts["SS-1"] = new ReportReceipt("SS-1", report, "hash", _time.GetUtcNow());
    }

    [Fact]
    public async Task Open_CreatesTheCaseWithThePolicyDeadline_BanksHashes_StartsClock_Acknowledges_QueuesTriage()
    {
        await _opener.OpenAsync("SS-1", _clock);

        var safetyCase = (await _cases.GetAsync("SS-1"))!;
        Assert.Equal(_time.GetUtcNow().AddHours(24), safetyCase.DueBy);
        Assert.Equal("hash", safetyCase.StatusTokenHash);
        Assert.Equal(["SS-1"], _bank.Banked);
        var start = Assert.Single(_clock.Started);
        Assert.Equal([_time.GetUtcNow().AddHours(12), _time.GetUtcNow().AddHours(20)], start.Reminders);
        Assert.Contains(safetyCase.Timeline, e => e.Kind == ReportCaseOpener.ReceivedKind && e.IsVisibleToReporter);
        Assert.Equal(new ContactChannel(ContactKind.Email, "me@example.org"), Assert.Single(_outbox.Notices.Values).Channel);
        Assert.Equal((PipelineQueue.Triage, "SS-1"), (Assert.Single(_queue.Sent).Queue, _queue.Sent[0].Item.CaseId));
    }

    [Fact]
    public async Task Open_Twice_IsOneCaseOneNoticeOneTriageMessage()
    {
        await _opener.OpenAsync("SS-1", _clock);
        await _opener.OpenAsync("SS-1", _clock);

        Assert.Single((await _cases.GetAsync("SS-1"))!.Timeline, e => e.Kind == ReportCaseOpener.ReceivedKind);
        Assert.Single(_outbox.Notices);
        Assert.Single(_queue.Sent);
    }

    [Fact]
    public async Task Open_WithoutReceipt_Throws_SoTheMessageDeadLetters()
        => await Assert.ThrowsAsync<InvalidOperationException>(() => _opener.OpenAsync("SS-missing", _clock));

    private sealed class RecordingClock : ICaseSlaClock
    {
        public ConcurrentBag<CaseSlaStart> Started { get; } = [];

        public Task StartAsync(CaseSlaStart start, CancellationToken cancellationToken = default)
        {
            if (Started.All(s => s.CaseId != start.CaseId))
            {
                Started.Add(start);
            }

            return Task.CompletedTask;
        }

        public Task NotifyResolvedAsync(string caseId, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    private sealed class RecordingBank : IReportedContentBank
    {
        public List<string> Banked { get; } = [];

        public Task<IReadOnlyList<ContentHash>> AddReportedAsync(SafetyCase safetyCase, CancellationToken cancellationToken = default)
        {
            if (!Banked.Contains(safetyCase.Id))
            {
                Banked.Add(safetyCase.Id);
            }

            return Task.FromResult(safetyCase.Hashes);
        }
    }
}
