using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Moderation;
using ServerlessSafety.Domain.Moderation.Access;
using ServerlessSafety.Domain.Moderation.Queue;
using ServerlessSafety.Domain.Tests.Triage;

namespace ServerlessSafety.Domain.Tests.Moderation;

public sealed class ModerationWorkspaceTests
{
    private readonly ModerationFixture _fixture = new();

    private static SafetyCase Triaged(string category, int priority, TimeSpan left, bool minor = false)
        => TestCases.Make(category, left, minor) with { Triage = new TriageAssessment(priority, [], TriageRoute.ModeratorQueue, TestCases.Now), Status = CaseStatus.InReview };

    [Fact]
    public async Task ListQueue_OpenCases_ByPriorityThenDeadlineWithoutResolvedOnes()
    {
        var low = await _fixture.StoreAsync(Triaged("other", 20, TimeSpan.FromHours(5)));
        var highLater = await _fixture.StoreAsync(Triaged("csam", 90, TimeSpan.FromHours(20)));
        var highSooner = await _fixture.StoreAsync(Triaged("sextortion", 90, TimeSpan.FromHours(2), minor: true));
        await _fixture.StoreAsync(Triaged("harassment", 99, TimeSpan.FromHours(1)) with { Resolution = new(ResolutionOutcome.NoViolation, "x", TestCases.Now, "m"), Status = CaseStatus.Resolved });

        var queue = (await _fixture.Workspace.ListQueueAsync(new QueueFilter(), "mod-1")).Items;

        Assert.Equal([highSooner.Id, highLater.Id, low.Id], queue.Select(q => q.CaseId));
        Assert.Equal(TimeSpan.FromHours(2), queue[0].TimeLeft);
        Assert.Equal([highSooner.Id], (await _fixture.Workspace.ListQueueAsync(new QueueFilter(MinorOnly: true), "mod-1")).Items.Select(q => q.CaseId));
        Assert.Equal([low.Id], (await _fixture.Workspace.ListQueueAsync(new QueueFilter(Category: "other"), "mod-1")).Items.Select(q => q.CaseId));
    }

    [Fact]
    public async Task OpenCase_Moderator_RecordsTheViewAndHidesTheReportersContact()
    {
        var stored = await _fixture.StoreAsync(Triaged("ncii", 50, TimeSpan.FromHours(20)) with { Contact = new ContactChannel(ContactKind.Email, "victim@example.org"), StatusTokenHash = "abc" });

        var view = await _fixture.Workspace.OpenCaseAsync(stored.Id, "mod-7", hashOnly: false);

        Assert.Null(view!.Case.Contact);
        Assert.Null(view.Case.StatusTokenHash);
        var entry = Assert.Single((await _fixture.Cases.GetAsync(stored.Id))!.Timeline);
        Assert.Equal((ModerationEvents.Viewed, "mod-7"), (entry.Kind, entry.Actor));
        Assert.False(entry.IsVisibleToReporter);
    }

    [Fact]
    public async Task Reveal_OneFile_RecordsItAndMarksTheFileViewedByAPerson()
    {
        var stored = await _fixture.StoreAsync(Triaged("ncii", 50, TimeSpan.FromHours(20)) with { Files = [ModerationFixture.Image('a'), ModerationFixture.Image('b')] });

        var view = await _fixture.Workspace.RevealAsync(stored.Id, new string('b', 64), "mod-7");

        Assert.Equal(new string('b', 64), view!.RevealedFile);
        var saved = (await _fixture.Cases.GetAsync(stored.Id))!;
        Assert.Equal([false, true], saved.Files.Select(f => f.ViewedByPerson));
        Assert.Contains(saved.Timeline, e => e.Kind == ModerationEvents.Revealed && e.Actor == "mod-7");
    }

    [Fact]
    public async Task Reveal_UnknownFile_ChangesNothing()
    {
        var stored = await _fixture.StoreAsync(Triaged("ncii", 50, TimeSpan.FromHours(20)));

        Assert.Null(await _fixture.Workspace.RevealAsync(stored.Id, new string('c', 64), "mod-7"));
        Assert.Same(stored, await _fixture.Cases.GetAsync(stored.Id));
    }

    [Theory]
    [InlineData("mod-1", true)]
    [InlineData("alice@example.org", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("<script>", false)]
    [InlineData("a b", false)]
    public void IsValidId_AcceptsOnlyPlainIds(string? value, bool accepted)
        => Assert.Equal(accepted, Moderator.IsValidId(value));

    [Fact]
    public void IsValidId_Overlong_IsRefused()
        => Assert.False(Moderator.IsValidId(new string('a', Moderator.MaxLength + 1)));
}
