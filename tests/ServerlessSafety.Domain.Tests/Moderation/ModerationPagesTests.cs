using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Moderation;
using ServerlessSafety.Domain.Moderation.Queue;
using ServerlessSafety.Domain.Moderation.Audit;
using ServerlessSafety.Domain.Moderation.Pages;
using ServerlessSafety.Domain.Moderation.Wellness;
using ServerlessSafety.Domain.Offenders;
using ServerlessSafety.Domain.Tests.Policy;
using ServerlessSafety.Domain.Tests.Triage;

namespace ServerlessSafety.Domain.Tests.Moderation;

public sealed class ModerationPagesTests
{
    private const string Hostile = "<script>alert(1)</script>";
    private static readonly ModerationLinks Links = new();

    private static SafetyCase HostileCase() => TestCases.Make("sextortion", TimeSpan.FromHours(3), minor: true, account: "acct\"><b>", TestCases.Match(true, "ncmec<i>", 7)) with
    {
        Justification = Hostile,
        Subject = new ReportedSubject("https://example.org/p?<x>", null, "acct\"><b>", Hostile),
        Files = [ModerationFixture.Image('a'), ModerationFixture.Image('b') with { ContentType = "video/mp4" }],
        Triage = new TriageAssessment(80, ["+50 severity 5 of 5 (Sextortion)", "+30 a minor is or may be involved"], TriageRoute.ModeratorQueue, TestCases.Now),
        Timeline = [new CaseEvent(TestCases.Now, "received", "We got it", "system", Hostile)],
    };

    private static CaseView View(SafetyCase c, string? revealed = null, bool hashOnly = false, OffenderRecord? offender = null)
        => new(c, RepositoryPolicy.Policy.GetCategory(c.Category), offender, revealed, hashOnly, TestCases.Now, [], Today(0));

    private static ExposureToday Today(int revealed) => new(ExposureDay.Empty("mod-1", DateOnly.FromDateTime(TestCases.Now.UtcDateTime)) with { FilesRevealed = revealed }, 3);

    [Fact]
    public void CasePage_Case_ShowsWhatAModeratorNeedsWithEverythingEscaped()
    {
        var html = CasePage.Render(View(HostileCase()), "mod-1", Links);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("ncmec<i>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("+30 a minor is or may be involved", html);
        Assert.Contains("ncmec&lt;i&gt;", html);
        Assert.Contains("<td>7</td>", html);
        Assert.Contains("3 h 0 min left", html);
        Assert.Contains("Signed in as <strong>mod-1</strong>", html);
        Assert.Contains("name=\"note\" required", html);
        Assert.Contains("Apply the next consequence to the account: a permanent ban", html);
        Assert.Contains("reported to NCMEC", html);
        Assert.DoesNotContain("code=", html);
    }

    [Fact]
    public void CasePage_Media_IsBlurredUntilOneFileIsRevealed()
    {
        var blurred = CasePage.Render(View(HostileCase()), "mod-1", Links);
        var revealed = CasePage.Render(View(HostileCase(), revealed: new string('a', 64)), "mod-1", Links);

        Assert.Contains("<img class=\"shielded\"", blurred);
        Assert.DoesNotContain("class=\"revealed\"", blurred);
        Assert.DoesNotContain("<video", blurred);
        Assert.Contains("Reveal this file", blurred);
        Assert.Contains("<img class=\"revealed\"", revealed);
        Assert.DoesNotContain("autoplay", revealed + blurred);
        Assert.Contains("grayscale(1) blur(", blurred);
    }

    [Fact]
    public void CasePage_RevealedVideo_NeverAutoplays()
    {
        var html = CasePage.Render(View(HostileCase(), revealed: new string('b', 64)), "mod-1", Links);

        Assert.Contains("<video class=\"revealed\" controls preload=\"none\" muted", html);
        Assert.DoesNotContain("autoplay", html);
    }

    [Fact]
    public void CasePage_HashOnly_ShowsNoMedia()
    {
        var html = CasePage.Render(View(HostileCase(), hashOnly: true), "mod-1", Links);

        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<video", html);
        Assert.Contains(new string('a', 64), html);
    }

    [Fact]
    public void CasePage_AccountHistoryAndResolution_AreShown()
    {
        var offender = OffenderLadder.ApplyStrike(OffenderRecord.For("acct"), RepositoryPolicy.Policy.GetCategory("harassment"), "old-case", TestCases.Now);
        var resolved = HostileCase() with { Resolution = new CaseResolution(ResolutionOutcome.ContentRemoved, "done", TestCases.Now, "mod-2"), Status = CaseStatus.Resolved };

        var html = CasePage.Render(View(resolved, offender: offender), "mod-1", Links);

        Assert.Contains("1 standing strikes", html);
        Assert.Contains("old-case", html);
        Assert.Contains("Resolved as <strong>ContentRemoved</strong> by mod-2", html);
        Assert.DoesNotContain("<form method=\"post\" action=\"/api/moderation/cases/" + resolved.Id + "/decision", html);
    }

    [Fact]
    public void CasePage_RefusedDecision_AnnouncesTheProblems()
    {
        var html = CasePage.Render(View(HostileCase()), "mod-1", Links, ["Give the reason for the decision."]);

        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("Give the reason for the decision.", html);
    }

    [Fact]
    public void QueuePage_Items_InOrderWithTimeLeftAndNoContent()
    {
        var policy = RepositoryPolicy.Policy;
        var first = HostileCase() with { Id = "case-first" };
        var second = TestCases.Make("harassment", TimeSpan.FromHours(-2)) with { Id = "case-second" };
        var items = new[] { QueueItem.From(QueueEntry.From(first), policy, TestCases.Now), QueueItem.From(QueueEntry.From(second), policy, TestCases.Now) };

        var html = QueuePage.Render(new QueueSnapshot(items, Today(1)), new QueueFilter(Category: "sextortion", Account: "@a\"b"), policy, "mod-1", Links);

        Assert.True(html.IndexOf("case-first", StringComparison.Ordinal) < html.IndexOf("case-second", StringComparison.Ordinal));
        Assert.Contains("overdue by 2 h 0 min", html);
        Assert.Contains("<option value=\"sextortion\" selected>", html);
        Assert.Contains("1 of 3 files revealed", html);
        Assert.DoesNotContain("take a break", html);
        Assert.Contains("<input type=\"hidden\" name=\"account\" value=\"@a&quot;b\">", html);
        Assert.DoesNotContain("alert(1)", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("They are threatening me", html);
    }

    [Fact]
    public void CasePage_PastTheDaysLimit_SuggestsABreak_AndShowsTheAuditLog()
    {
        var audit = new[] { AuditEntry.Create("case-1", TestCases.Now, "mod-<2>", ModerationEvents.Decided, "reason: " + Hostile) };
        var view = View(HostileCase()) with { Audit = audit, Today = Today(3) };

        var html = CasePage.Render(view, "mod-1", Links);

        Assert.Contains("Please take a break", html);
        Assert.Contains("3 of 3 files revealed", html);
        Assert.Contains("<td>mod-&lt;2&gt;</td><td>moderator-decided</td><td>reason: &lt;script&gt;", html);
    }

    [Fact]
    public void CasePage_AMatchFromAnotherCase_LinksToThatCaseHashOnly()
    {
        var match = TestCases.Match(false, "reported", 4) with { SourceCaseId = "SS-SOURCE" };
        var html = CasePage.Render(View(TestCases.Make("ncii", TimeSpan.FromHours(3), matches: match)), "mod-1", Links);

        Assert.Contains("<a href=\"/api/moderation/cases/SS-SOURCE?media=none\">SS-SOURCE</a>", html);
    }
}
