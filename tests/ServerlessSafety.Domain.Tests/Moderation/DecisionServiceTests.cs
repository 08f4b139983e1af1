using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Moderation;
using ServerlessSafety.Domain.Pipeline;
using ServerlessSafety.Domain.Policy;
using ServerlessSafety.Domain.Tests.Triage;

namespace ServerlessSafety.Domain.Tests.Moderation;

public sealed class DecisionServiceTests
{
    private readonly ModerationFixture _fixture = new();

    [Fact]
    public async Task Decide_ContentRemovedWithConsequence_ResolvesAppliesTheLadderAndStopsTheClock()
    {
        var stored = await _fixture.StoreAsync(TestCases.Make("harassment", TimeSpan.FromHours(30)));

        var result = await _fixture.Decisions.DecideAsync(stored.Id, new ModerationDecision(ResolutionOutcome.ContentRemoved, true, "Repeated threats in DMs"), "mod-1", _fixture.Clock);

        Assert.Equal(DecisionStatus.Resolved, result.Status);
        var saved = (await _fixture.Cases.GetAsync(stored.Id))!;
        Assert.Equal(CaseStatus.Resolved, saved.Status);
        Assert.Equal(new CaseResolution(ResolutionOutcome.ContentRemoved, RepositoryPolicyNotice(ResolutionOutcome.ContentRemoved), TestCases.Now, "mod-1"), saved.Resolution);
        var decided = Assert.Single(saved.Timeline, e => e.Kind == ModerationEvents.Decided);
        Assert.Equal("mod-1", decided.Actor);
        Assert.Contains("Repeated threats in DMs", decided.Detail);
        Assert.Contains(saved.Timeline, e => e.Kind == ModerationEvents.ConsequenceApplied && e.Detail!.Contains("a warning", StringComparison.Ordinal));
        Assert.Equal(ConsequenceAction.Warning, result.Strike!.Action);
        Assert.Single(_fixture.Sink.Events);
        Assert.Equal([stored.Id], _fixture.Clock.Resolved);
        Assert.Empty(_fixture.Queue.Accepted);
        Assert.False(result.NcmecReportRequested);
    }

    [Theory]
    [InlineData("csam", false)]
    [InlineData("sextortion", true)]
    [InlineData("ncii", true)]
    public async Task Decide_PolicyRequiresNcmecReport_RequestsEscalation(string category, bool minor)
    {
        var stored = await _fixture.StoreAsync(TestCases.Make(category, TimeSpan.FromHours(10), minor));

        var result = await _fixture.Decisions.DecideAsync(stored.Id, new ModerationDecision(ResolutionOutcome.ContentRemoved, true, "confirmed"), "mod-1", _fixture.Clock);

        Assert.True(result.NcmecReportRequested);
        var sent = Assert.Single(_fixture.Queue.Accepted);
        Assert.Equal(PipelineQueue.NcmecEscalation, sent.Queue);
        Assert.Equal(DecisionService.EscalationKey(stored.Id), sent.Key);
        Assert.Contains((await _fixture.Cases.GetAsync(stored.Id))!.Timeline, e => e.Kind == ModerationEvents.NcmecRequested);
    }

    [Fact]
    public async Task Decide_SextortionOfAnAdult_IsNotReportedUnlessAsked()
    {
        var stored = await _fixture.StoreAsync(TestCases.Make("sextortion", TimeSpan.FromHours(10), minor: false));

        var result = await _fixture.Decisions.DecideAsync(stored.Id, new ModerationDecision(ResolutionOutcome.ContentRemoved, true, "confirmed"), "mod-1", _fixture.Clock);

        Assert.False(result.NcmecReportRequested);
        Assert.Equal(ConsequenceAction.PermanentBan, result.Strike!.Action);
    }

    public static TheoryData<string, ModerationDecision, string?> Refused => new()
    {
        { "no reason", new ModerationDecision(ResolutionOutcome.ContentRemoved, true, "  "), "offender-1" },
        { "reason too long", new ModerationDecision(ResolutionOutcome.ContentRemoved, true, new string('x', ModerationDecision.MaxNoteLength + 1)), "offender-1" },
        { "consequence without violation", new ModerationDecision(ResolutionOutcome.NoViolation, true, "fine"), "offender-1" },
        { "NCMEC without violation", new ModerationDecision(ResolutionOutcome.NoViolation, false, "fine", ReportToNcmec: true), "offender-1" },
        { "consequence without account", new ModerationDecision(ResolutionOutcome.ContentRemoved, true, "gone"), null },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Decide_InvalidDecision_IsRefusedAndChangesNothing(string name, ModerationDecision decision, string? account)
    {
        var stored = await _fixture.StoreAsync(TestCases.Make("harassment", TimeSpan.FromHours(30), account: account));

        var result = await _fixture.Decisions.DecideAsync(stored.Id, decision, "mod-1", _fixture.Clock);

        Assert.True(result.Status == DecisionStatus.Invalid, name);
        Assert.NotEmpty(result.Problems);
        Assert.Same(stored, await _fixture.Cases.GetAsync(stored.Id));
        Assert.Empty(_fixture.Sink.Events);
        Assert.Empty(_fixture.Clock.Resolved);
    }

    [Fact]
    public async Task Decide_SameDecisionRetried_CompletesWithoutDoubling()
    {
        var stored = await _fixture.StoreAsync(TestCases.Make("csam", TimeSpan.FromHours(10)));
        var decision = new ModerationDecision(ResolutionOutcome.ContentRemoved, true, "confirmed");
        await _fixture.Decisions.DecideAsync(stored.Id, decision, "mod-1", _fixture.Clock);
        _fixture.Time.Advance(TimeSpan.FromMinutes(1));

        var retry = await _fixture.Decisions.DecideAsync(stored.Id, decision, "mod-1", _fixture.Clock);

        Assert.Equal(DecisionStatus.Resolved, retry.Status);
        Assert.Single((await _fixture.Offenders.GetAsync("offender-1"))!.Strikes);
        Assert.Single(_fixture.Sink.Events.Distinct());
        Assert.Single(_fixture.Queue.Accepted);
        var saved = (await _fixture.Cases.GetAsync(stored.Id))!;
        Assert.Single(saved.Timeline, e => e.Kind == ModerationEvents.Decided);
        Assert.Single(saved.Timeline, e => e.Kind == ModerationEvents.ConsequenceApplied);
    }

    [Fact]
    public async Task Decide_AnotherModeratorAfterResolution_IsAlreadyResolved()
    {
        var stored = await _fixture.StoreAsync(TestCases.Make("harassment", TimeSpan.FromHours(30)));
        await _fixture.Decisions.DecideAsync(stored.Id, new ModerationDecision(ResolutionOutcome.NoViolation, false, "banter"), "mod-1", _fixture.Clock);

        var second = await _fixture.Decisions.DecideAsync(stored.Id, new ModerationDecision(ResolutionOutcome.ContentRemoved, true, "abuse"), "mod-2", _fixture.Clock);

        Assert.Equal(DecisionStatus.AlreadyResolved, second.Status);
        Assert.Equal("mod-1", second.Case!.Resolution!.ResolvedBy);
        Assert.Empty((await _fixture.Offenders.GetAsync("offender-1"))!.Strikes);
    }

    [Fact]
    public async Task Decide_UnknownCase_IsNotFound()
        => Assert.Equal(DecisionStatus.NotFound, (await _fixture.Decisions.DecideAsync("nope", new ModerationDecision(ResolutionOutcome.NoViolation, false, "x"), "mod-1", _fixture.Clock)).Status);

    [Fact]
    public async Task Decide_SeveralCasesOfOneAccount_ClimbTheLadder()
    {
        var actions = new List<ConsequenceAction>();
        for (var i = 0; i < 3; i++)
        {
            var stored = await _fixture.StoreAsync(TestCases.Make("harassment", TimeSpan.FromHours(30)));
            actions.Add((await _fixture.Decisions.DecideAsync(stored.Id, new ModerationDecision(ResolutionOutcome.ContentRemoved, true, "abuse"), "mod-1", _fixture.Clock)).Strike!.Action);
        }

        Assert.Equal([ConsequenceAction.Warning, ConsequenceAction.Suspension, ConsequenceAction.PermanentBan], actions);
    }

    [Theory]
    [InlineData("ContentRemoved", "on", "on", true)]
    [InlineData("noViolation", null, null, true)]
    [InlineData("1", null, null, false)]
    [InlineData("banish", null, null, false)]
    [InlineData(null, null, null, false)]
    public void FromForm_Fields_ReadTheDecision(string? outcome, string? consequence, string? ncmec, bool valid)
    {
        var fields = new Dictionary<string, string?> { ["outcome"] = outcome, ["applyConsequence"] = consequence, ["reportToNcmec"] = ncmec, ["note"] = "why" };

        var decision = ModerationDecision.FromForm(name => fields.GetValueOrDefault(name), out var problems);

        Assert.Equal(valid, decision is not null);
        Assert.Equal(valid, problems.Count == 0);
        if (decision is not null)
        {
            Assert.Equal(consequence is not null, decision.ApplyConsequence);
            Assert.Equal(ncmec is not null, decision.ReportToNcmec);
        }
    }

    private static string RepositoryPolicyNotice(ResolutionOutcome outcome) => Policy.RepositoryPolicy.Policy.ResolutionNotices[outcome];
}
