using ServerlessSafety.Domain.Offenders;
using ServerlessSafety.Domain.Policy;
using ServerlessSafety.Domain.Tests.Policy;

namespace ServerlessSafety.Domain.Tests.Offenders;

public sealed class OffenderLadderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static PolicyCategory Category(string id) => RepositoryPolicy.Policy.GetCategory(id);

    [Fact]
    public void ApplyStrike_SeveralCases_ClimbsTheLadderAndRepeatsTheLastStep()
    {
        var record = OffenderRecord.For("acct");
        for (var i = 1; i <= 4; i++)
        {
            record = OffenderLadder.ApplyStrike(record, Category("harassment"), $"case-{i}", Now);
        }

        Assert.Equal(
            [ConsequenceAction.Warning, ConsequenceAction.Suspension, ConsequenceAction.PermanentBan, ConsequenceAction.PermanentBan],
            record.Strikes.Select(s => s.Action));
        Assert.Equal([0, 1, 2, 2], record.Strikes.Select(s => s.Step));
        Assert.Equal(Now + TimeSpan.FromDays(7), record.Strikes[1].Until);
        Assert.Null(record.Strikes[0].Until);
        Assert.Equal(["case-1", "case-2", "case-3", "case-4"], record.CaseIds);
    }

    [Fact]
    public void ApplyStrike_FirstSextortionOffence_IsAPermanentBan()
    {
        var record = OffenderLadder.ApplyStrike(OffenderRecord.For("acct"), Category("sextortion"), "case-1", Now);

        Assert.Equal(ConsequenceAction.PermanentBan, Assert.Single(record.Strikes).Action);
    }

    [Fact]
    public void ApplyStrike_EarlierStrikeInAnotherCategory_CountsOnTheLadder()
    {
        var record = OffenderLadder.ApplyStrike(OffenderRecord.For("acct"), Category("harassment"), "case-1", Now);

        record = OffenderLadder.ApplyStrike(record, Category("ncii"), "case-2", Now);

        Assert.Equal(ConsequenceAction.PermanentBan, record.Strikes[1].Action);
    }

    [Fact]
    public void ApplyStrike_SameCaseTwice_AddsOneStrike()
    {
        var once = OffenderLadder.ApplyStrike(OffenderRecord.For("acct"), Category("harassment"), "case-1", Now);

        var twice = OffenderLadder.ApplyStrike(once, Category("harassment"), "case-1", Now.AddHours(1));

        Assert.Same(once, twice);
    }

    [Fact]
    public void DecideAppeal_Overturned_LiftsTheStrikeFromTheLadder()
    {
        var record = OffenderLadder.ApplyStrike(OffenderRecord.For("acct"), Category("harassment"), "case-1", Now);
        record = OffenderLadder.FileAppeal(record, "case-1", "It was a joke between friends", Now);

        record = OffenderLadder.DecideAppeal(record, "case-1", AppealOutcome.Overturned, "mod-1", Now.AddHours(2));
        record = OffenderLadder.ApplyStrike(record, Category("harassment"), "case-2", Now.AddHours(3));

        Assert.True(record.Strikes[0].Overturned);
        Assert.Equal(1, record.StandingStrikes);
        Assert.Equal(ConsequenceAction.Warning, record.Strikes[1].Action);
        var appeal = Assert.Single(record.Appeals);
        Assert.Equal(AppealOutcome.Overturned, appeal.Outcome);
        Assert.Equal("mod-1", appeal.DecidedBy);
    }

    [Fact]
    public void DecideAppeal_Upheld_KeepsTheStrike()
    {
        var record = OffenderLadder.FileAppeal(OffenderLadder.ApplyStrike(OffenderRecord.For("acct"), Category("other"), "case-1", Now), "case-1", "no", Now);

        record = OffenderLadder.DecideAppeal(record, "case-1", AppealOutcome.Upheld, "mod-1", Now);

        Assert.Equal(1, record.StandingStrikes);
        Assert.Same(record, OffenderLadder.DecideAppeal(record, "case-1", AppealOutcome.Overturned, "mod-2", Now));
    }

    [Fact]
    public void FileAppeal_CaseWithoutStrike_IsRefused()
        => Assert.Throws<InvalidOperationException>(() => OffenderLadder.FileAppeal(OffenderLadder.RecordCase(OffenderRecord.For("acct"), "case-1"), "case-1", "why", Now));

    [Fact]
    public void FileAppeal_LongStatement_IsBounded()
    {
        var record = OffenderLadder.ApplyStrike(OffenderRecord.For("acct"), Category("other"), "case-1", Now);

        record = OffenderLadder.FileAppeal(record, "case-1", new string('x', 10_000), Now);

        Assert.Equal(OffenderLadder.MaxStatementLength, record.Appeals[0].Statement.Length);
    }

    [Fact]
    public void IdFor_Account_IsAStableHashNotTheName()
    {
        Assert.Equal(OffenderRecord.IdFor("someone"), OffenderRecord.IdFor(" someone "));
        Assert.DoesNotContain("someone", OffenderRecord.IdFor("someone"), StringComparison.Ordinal);
        Assert.Equal(64, OffenderRecord.IdFor("someone").Length);
    }
}
