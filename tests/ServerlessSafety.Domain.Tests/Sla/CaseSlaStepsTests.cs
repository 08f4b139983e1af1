using Microsoft.Extensions.Time.Testing;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Notices;
using ServerlessSafety.Domain.Sla;
using ServerlessSafety.Domain.Tests.Fakes;

namespace ServerlessSafety.Domain.Tests.Sla;

public sealed class CaseSlaStepsTests
{
    private readonly InMemoryCaseStore _cases = new();
    private readonly InMemoryNoticeOutbox _outbox = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-06T10:00:00Z"));
    private readonly CaseSlaSteps _steps;

    public CaseSlaStepsTests()
    {
        _steps = new CaseSlaSteps(_cases, new CaseNotices(_cases, _outbox, _time), _time);
        _cases.TryCreateAsync(new SafetyCase
        {
            Id = "SS-1",
            Category = "ncii",
            Origin = CaseOrigin.Report,
            OpenedAt = _time.GetUtcNow(),
            DueBy = _time.GetUtcNow().AddHours(48),
            Subject = new ReportedSubject(null, null, "@a", null),
            Status = CaseStatus.InReview,
            Triage = new TriageAssessment(40, ["Severity 4 (+40)"], TriageRoute.ModeratorQueue, _time.GetUtcNow()),
        }).Wait();
    }

    [Fact]
    public async Task Escalate_RaisesPriority_FlagsOnCall_TellsTheReporterOnce()
    {
        await _steps.EscalateAsync("SS-1");
        await _steps.EscalateAsync("SS-1");

        var c = (await _cases.GetAsync("SS-1"))!;
        Assert.Equal(CaseStatus.Escalated, c.Status);
        Assert.True(c.NeedsOnCall);
        Assert.True(c.Triage!.Priority > 40);
        Assert.Single(c.Timeline, e => e.Kind == CaseSlaSteps.EscalatedKind && e.IsVisibleToReporter);
        Assert.Single(_outbox.Notices.Values, n => n.Kind == CaseSlaSteps.EscalatedKind);
    }

    [Fact]
    public async Task Reminder_IsInternalAndRecordedOnce()
    {
        await _steps.RecordReminderAsync("SS-1", 0);
        await _steps.RecordReminderAsync("SS-1", 0);

        var reminder = Assert.Single((await _cases.GetAsync("SS-1"))!.Timeline);
        Assert.False(reminder.IsVisibleToReporter);
        Assert.Empty(_outbox.Notices);
    }

    [Fact]
    public async Task FinalNotice_CarriesTheResolution_AndResolvesTheCase()
    {
        await _cases.UpdateAsync("SS-1", c => c with { Resolution = new CaseResolution(ResolutionOutcome.ContentRemoved, "We removed the picture and banned the account.", _time.GetUtcNow(), "mod-1") });

        await _steps.SendFinalNoticeAsync("SS-1");

        var c = (await _cases.GetAsync("SS-1"))!;
        Assert.Equal(CaseStatus.Resolved, c.Status);
        Assert.Equal("We removed the picture and banned the account.", Assert.Single(_outbox.Notices.Values).Text);
    }

    [Fact]
    public async Task FinalNotice_WithoutResolution_SendsNothing()
    {
        await _steps.SendFinalNoticeAsync("SS-1");

        Assert.Empty(_outbox.Notices);
    }

    [Fact]
    public void Reminders_FallInProportionToTheDeadline()
    {
        var opened = _time.GetUtcNow();

        Assert.Equal([opened.AddHours(24), opened.AddHours(40)], SlaReminderSchedule.Default.For(opened, opened.AddHours(48)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlaReminderSchedule([1.2]));
    }
}
