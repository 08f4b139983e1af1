using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Moderation;
using ServerlessSafety.Domain.Moderation.Queue;
using ServerlessSafety.Domain.Tests.Triage;

namespace ServerlessSafety.Domain.Tests.Moderation;

public sealed class CaseClaimTests
{
    private readonly ModerationFixture _fixture = new();

    private static SafetyCase Triaged(int priority)
        => TestCases.Make("harassment", TimeSpan.FromHours(10)) with { Triage = new TriageAssessment(priority, [], TriageRoute.ModeratorQueue, TestCases.Now), Status = CaseStatus.InReview };

    [Fact]
    public async Task ClaimNext_ManyModeratorsAtOnce_EachGetsADifferentCaseAndTheRestGetNone()
    {
        var cases = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            cases.Add((await _fixture.StoreAsync(Triaged(50 + i))).Id);
        }

        var workspace = _fixture.Workspace;
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(m => Task.Run(() => workspace.ClaimNextAsync($"mod-{m}", new QueueFilter()))));

        var taken = claims.Where(c => c is not null).Select(c => c!.CaseId).ToList();
        Assert.Equal(cases.Order(), taken.Order());
        Assert.Equal(3, claims.Count(c => c is null));
        var queue = (await workspace.ListQueueAsync(new QueueFilter(), "mod-0")).Items;
        Assert.All(queue, item => Assert.NotNull(item.ClaimedBy));
        Assert.Equal(5, queue.Select(q => q.ClaimedBy).Distinct().Count());
    }

    [Fact]
    public async Task ClaimNext_AfterTheLeaseLapses_AnotherModeratorTakesTheCase_AndOpeningItRenewsTheOwnClaim()
    {
        var stored = await _fixture.StoreAsync(Triaged(70));
        Assert.Equal(stored.Id, (await _fixture.Workspace.ClaimNextAsync("mod-a", new QueueFilter()))!.CaseId);

        _fixture.Time.Advance(CaseClaim.Lease - TimeSpan.FromMinutes(1));
        await _fixture.Workspace.OpenCaseAsync(stored.Id, "mod-a", hashOnly: false);
        _fixture.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await _fixture.Workspace.ClaimNextAsync("mod-b", new QueueFilter()));

        _fixture.Time.Advance(CaseClaim.Lease);
        var taken = await _fixture.Workspace.ClaimNextAsync("mod-b", new QueueFilter());

        Assert.Equal((stored.Id, "mod-b"), (taken!.CaseId, taken.ClaimedBy));
        var timeline = (await _fixture.Cases.GetAsync(stored.Id))!.Timeline.Where(e => e.Kind == ModerationEvents.Claimed).Select(e => e.Actor);
        Assert.Equal(["mod-a", "mod-b"], timeline);
    }

    [Fact]
    public async Task ClaimNext_WhileHoldingACase_GivesTheSameCaseAgain_NotASecondOne()
    {
        var first = await _fixture.StoreAsync(Triaged(80));
        await _fixture.StoreAsync(Triaged(60));

        var taken = await _fixture.Workspace.ClaimNextAsync("mod-one", new QueueFilter());
        var again = await _fixture.Workspace.ClaimNextAsync("mod-one", new QueueFilter());

        Assert.Equal(first.Id, taken!.CaseId);
        Assert.Equal(first.Id, again!.CaseId);
        Assert.Single((await _fixture.Workspace.ListQueueAsync(new QueueFilter(), "mod-one")).Items, i => i.ClaimedBy == "mod-one");
    }
}
