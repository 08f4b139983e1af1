using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Moderation;
using ServerlessSafety.Domain.Moderation.Audit;
using ServerlessSafety.Domain.Moderation.Queue;
using ServerlessSafety.Domain.Tests.Triage;

namespace ServerlessSafety.Domain.Tests.Moderation;

public sealed class WellnessAndAuditTests
{
    private readonly ModerationFixture _fixture = new();

    [Fact]
    public async Task ViewsRevealsAndDecisions_AreAudited_AndCountedForTheDay()
    {
        var stored = await _fixture.StoreAsync(ModerationFixture.Triaged(60, withImage: true));

        await _fixture.Workspace.OpenCaseAsync(stored.Id, "mod-a", hashOnly: false);
        _fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await _fixture.Workspace.RevealAsync(stored.Id, stored.Files[0].Sha256, "mod-a");
        _fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await _fixture.Decisions.DecideAsync(stored.Id, new ModerationDecision(ResolutionOutcome.NoViolation, false, "Not against the policy."), "mod-a", _fixture.Clock);

        var entries = await _fixture.Audit.ReadAsync(new AuditQuery(stored.Id));
        Assert.Equal([ModerationEvents.Decided, ModerationEvents.Revealed, ModerationEvents.Viewed], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("mod-a", e.ModeratorId));
        Assert.Contains("Not against the policy.", entries[0].Detail, StringComparison.Ordinal);
        var today = await _fixture.Activity.TodayAsync("mod-a");
        Assert.Equal((1, 1, 1), (today.Counts.CasesOpened, today.Counts.FilesRevealed, today.Counts.Decisions));
    }

    [Fact]
    public async Task ClaimNext_PastTheDaysRevealLimit_HandsOnlyCasesWithoutMedia_AndOthersStillGetTheGraphicOne()
    {
        _fixture.Wellness.DailyRevealLimit = 1;
        var graphic = await _fixture.StoreAsync(ModerationFixture.Triaged(90, withImage: true));
        var plain = await _fixture.StoreAsync(ModerationFixture.Triaged(10, withImage: false));
        var seen = await _fixture.StoreAsync(ModerationFixture.Triaged(5, withImage: true));
        await _fixture.Workspace.RevealAsync(seen.Id, seen.Files[0].Sha256, "tired");

        var forTired = await _fixture.Workspace.ClaimNextAsync("tired", new QueueFilter());
        var forFresh = await _fixture.Workspace.ClaimNextAsync("fresh", new QueueFilter());

        Assert.Equal(plain.Id, forTired!.CaseId);
        Assert.Equal(graphic.Id, forFresh!.CaseId);
        Assert.True((await _fixture.Workspace.ListQueueAsync(new QueueFilter(), "tired")).Today.LimitReached);
        Assert.False((await _fixture.Workspace.ListQueueAsync(new QueueFilter(), "fresh")).Today.LimitReached);
    }
}
