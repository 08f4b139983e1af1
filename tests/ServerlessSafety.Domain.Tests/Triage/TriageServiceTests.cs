using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Offenders;
using ServerlessSafety.Domain.Pipeline;
using ServerlessSafety.Domain.Policy;
using ServerlessSafety.Domain.Tests.Policy;
using ServerlessSafety.Domain.Triage;

namespace ServerlessSafety.Domain.Tests.Triage;

public sealed class TriageServiceTests
{
    private readonly InMemoryCaseStore _cases = new();
    private readonly InMemoryOffenderStore _offenders = new();
    private readonly RecordingWorkQueue _queue = new();
    private readonly FakeTimeProvider _time = new(TestCases.Now);

    private TriageService Service(SafetyPolicy? policy = null)
        => new(_cases, _offenders, _queue, policy ?? RepositoryPolicy.Policy, _time, NullLogger<TriageService>.Instance);

    private async Task<SafetyCase> StoreAsync(SafetyCase safetyCase)
    {
        Assert.True(await _cases.TryCreateAsync(safetyCase));
        return safetyCase;
    }

    [Fact]
    public async Task Triage_ReportedCase_RecordsScoreAndReasonsAndQueuesForModerators()
    {
        var stored = await StoreAsync(TestCases.Make("sextortion", TimeSpan.FromHours(20), minor: true));

        var assessment = await Service().TriageAsync(new CaseWorkItem(stored.Id, "report-received"));

        var saved = (await _cases.GetAsync(stored.Id))!;
        Assert.Equal(CaseStatus.InReview, saved.Status);
        Assert.Equal(assessment, saved.Triage);
        Assert.Equal(80, saved.Triage!.Priority);
        Assert.Equal(TriageRoute.ModeratorQueue, saved.Triage.Route);
        Assert.Contains("+30 a minor is or may be involved", saved.Triage.Reasons);
        var entry = Assert.Single(saved.Timeline, e => e.Kind == TriageState.EventKind);
        Assert.True(entry.IsVisibleToReporter);
        Assert.Empty(_queue.Accepted);
    }

    [Fact]
    public async Task Triage_VerifiedMatch_GoesStraightToNcmecEscalation()
    {
        var stored = await StoreAsync(TestCases.Make("csam", TimeSpan.FromHours(20), false, null, TestCases.Match(verified: true)) with { Origin = CaseOrigin.UploadMatch });

        var assessment = await Service().TriageAsync(new CaseWorkItem(stored.Id, "upload-matched"));

        Assert.Equal(TriageRoute.NcmecEscalation, assessment!.Route);
        var sent = Assert.Single(_queue.Accepted);
        Assert.Equal(PipelineQueue.NcmecEscalation, sent.Queue);
        Assert.Equal(stored.Id, sent.Item.CaseId);
        Assert.Equal($"{stored.Id}:ncmec-escalation:triage", sent.Key);
        Assert.Null(Assert.Single((await _cases.GetAsync(stored.Id))!.Timeline).Notice);
    }

    [Fact]
    public async Task Triage_VerifiedMatchWhenPolicyRequiresReview_GoesToModerators()
    {
        var policy = RepositoryPolicy.Policy with { Triage = RepositoryPolicy.Policy.Triage with { VerifiedBankSkipsReview = false } };
        var stored = await StoreAsync(TestCases.Make("csam", TimeSpan.FromHours(20), false, null, TestCases.Match(verified: true)));

        var assessment = await Service(policy).TriageAsync(new CaseWorkItem(stored.Id, "upload-matched"));

        Assert.Equal(TriageRoute.ModeratorQueue, assessment!.Route);
        Assert.Empty(_queue.Accepted);
    }

    [Fact]
    public async Task Triage_SameMessageTwice_ChangesNothingTheSecondTime()
    {
        var stored = await StoreAsync(TestCases.Make("csam", TimeSpan.FromHours(20), true, null, TestCases.Match(verified: true)));
        var item = new CaseWorkItem(stored.Id, "upload-matched");
        await Service().TriageAsync(item);
        var first = await _cases.GetAsync(stored.Id);

        _time.Advance(TimeSpan.FromHours(10));
        await Service().TriageAsync(item);

        Assert.Same(first, await _cases.GetAsync(stored.Id));
        Assert.Single(_queue.Accepted);
        Assert.Equal(2, _queue.Sends);
    }

    [Fact]
    public async Task Triage_CaseChangedSinceLastTriage_IsTriagedAgain()
    {
        var stored = await StoreAsync(TestCases.Make("ncii", TimeSpan.FromHours(40)));
        await Service().TriageAsync(new CaseWorkItem(stored.Id, "report-received"));
        await _cases.UpdateAsync(stored.Id, c => c with { Matches = [TestCases.Match(false, "reported", 4)] });

        var assessment = await Service().TriageAsync(new CaseWorkItem(stored.Id, "match-joined"));

        Assert.Equal(55, assessment!.Priority);
        Assert.Equal(2, (await _cases.GetAsync(stored.Id))!.Timeline.Count(e => e.Kind == TriageState.EventKind));
    }

    [Fact]
    public async Task Triage_AccountWithStrikes_CountsThem()
    {
        var harassment = RepositoryPolicy.Policy.GetCategory("harassment");
        await _offenders.UpdateAsync("offender-1", r => OffenderLadder.ApplyStrike(OffenderLadder.ApplyStrike(r, harassment, "old-1", TestCases.Now), harassment, "old-2", TestCases.Now));
        var stored = await StoreAsync(TestCases.Make("harassment", TimeSpan.FromHours(40)));

        var assessment = await Service().TriageAsync(new CaseWorkItem(stored.Id, "report-received"));

        Assert.Equal(40, assessment!.Priority);
        Assert.Contains("+10 reported account has 2 earlier strikes", assessment.Reasons);
    }

    [Fact]
    public async Task Triage_ResolvedCase_IsLeftAlone()
    {
        var stored = await StoreAsync(TestCases.Make("other", TimeSpan.FromHours(40)) with
        {
            Resolution = new CaseResolution(ResolutionOutcome.NoViolation, "done", TestCases.Now, "m1"),
            Status = CaseStatus.Resolved,
        });

        Assert.Null(await Service().TriageAsync(new CaseWorkItem(stored.Id, "late")));
        Assert.Same(stored, await _cases.GetAsync(stored.Id));
    }

    [Fact]
    public async Task Triage_MissingCase_Throws()
        => await Assert.ThrowsAsync<InvalidOperationException>(() => Service().TriageAsync(new CaseWorkItem("nope", "x")));
}
