using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Moderation.Queue;
using ServerlessSafety.Domain.Tests.Triage;

namespace ServerlessSafety.Domain.Tests.Moderation;

public sealed class QueueViewTests
{
    private readonly ModerationFixture _fixture = new();

    [Fact]
    public async Task QueueView_KeepsTheLatestRevision_WhenAnOlderChangeArrivesLate()
    {
        var stored = await _fixture.StoreAsync(ModerationFixture.Triaged(40, withImage: false));
        var resolved = await _fixture.Cases.UpdateAsync(stored.Id, c => c with { Status = CaseStatus.Resolved, Resolution = new(ResolutionOutcome.NoViolation, "x", TestCases.Now, "m") });

        await _fixture.QueueView.ApplyAsync(QueueEntry.From(resolved!));
        await _fixture.QueueView.ApplyAsync(QueueEntry.From(stored));

        Assert.Empty(await _fixture.QueueView.ListOpenAsync(new QueueFilter()));
        Assert.Empty((await _fixture.Workspace.ListQueueAsync(new QueueFilter(), "mod-a")).Items);
    }

    [Fact]
    public async Task QueueFilter_ByAccount_ShowsOnlyThatAccountsCases()
    {
        var mine = await _fixture.StoreAsync(ModerationFixture.Triaged(40, withImage: false) with { Subject = new ReportedSubject(null, null, "@wanted", null) });
        await _fixture.StoreAsync(ModerationFixture.Triaged(80, withImage: false));

        var items = (await _fixture.Workspace.ListQueueAsync(new QueueFilter(Account: "@wanted"), "mod-a")).Items;

        Assert.Equal([mine.Id], items.Select(i => i.CaseId));
    }

    [Fact]
    public void QueueEntry_OfAResolvedCase_IsClosedAndExpires_WhileAnOpenOneStays()
    {
        var open = ModerationFixture.Triaged(40, withImage: true);
        var closed = open with { Status = CaseStatus.Resolved, Resolution = new(ResolutionOutcome.NoViolation, "x", TestCases.Now, "m") };

        Assert.Equal((true, null, true), (QueueEntry.From(open).IsOpen, QueueEntry.From(open).Ttl, QueueEntry.From(open).HasGraphicMedia));
        Assert.Equal((false, QueueEntry.ClosedEntryLifetimeSeconds), (QueueEntry.From(closed).IsOpen, QueueEntry.From(closed).Ttl));
    }
}
