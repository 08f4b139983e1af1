using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Tests.Policy;
using ServerlessSafety.Domain.Triage;

namespace ServerlessSafety.Domain.Tests.Triage;

public sealed class TriageScorerTests
{
    public static TheoryData<string, string, bool, int, int, int, string[]> Cases => new()
    {
        // name, category, minor, match (0 none, 1 unverified, 2 verified), strikes, hours left, expected reasons ("+points text")
        { "severity only", "harassment", false, 0, 0, 30, ["+30 severity 3 of 5 (Harassment)"] },
        { "minor", "sextortion", true, 0, 0, 20, ["+50 severity 5 of 5 (Sextortion)", "+30 a minor is or may be involved"] },
        { "verified bank", "csam", false, 2, 0, 20, ["+50 severity 5 of 5 (Child sexual abuse material or a minor involved)", "+40 matched verified bank 'ncmec' (distance 0)"] },
        { "unverified bank", "ncii", false, 1, 0, 40, ["+40 severity 4 of 5 (Non-consensual intimate imagery)", "+15 matched bank 'reported' (distance 12)"] },
        { "one strike", "other", false, 0, 1, 40, ["+20 severity 2 of 5 (Something else)", "+5 reported account has 1 earlier strike"] },
        { "strikes capped", "other", false, 0, 6, 40, ["+20 severity 2 of 5 (Something else)", "+20 reported account has 6 earlier strikes (4 counted)"] },
        { "deadline soon", "harassment", false, 0, 0, 2, ["+30 severity 3 of 5 (Harassment)", "+20 less than 12 hours left before the deadline"] },
        { "overdue", "harassment", false, 0, 0, -1, ["+30 severity 3 of 5 (Harassment)", "+40 past the resolution deadline"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Score_Case_AddsEachFactorWithItsReason(string name, string category, bool minor, int match, int strikes, int hoursLeft, string[] expected)
    {
        var matches = match switch
        {
            2 => new[] { TestCases.Match(verified: true) },
            1 => [TestCases.Match(verified: false, bank: "reported", distance: 12)],
            _ => [],
        };
        var safetyCase = TestCases.Make(category, TimeSpan.FromHours(hoursLeft), minor, "acct", matches);
        var policy = RepositoryPolicy.Policy;

        var score = TriageScorer.Score(safetyCase, policy.GetCategory(category), policy.Triage.Weights, strikes, TestCases.Now);

        Assert.Equal(expected, score.Contributions.Select(c => c.ToString()));
        Assert.Equal(expected.Sum(e => int.Parse(e[1..e.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)), score.Priority);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Score_VerifiedAndUnverifiedMatches_CountsTheVerifiedOnce()
    {
        var safetyCase = TestCases.Make("csam", TimeSpan.FromHours(20), false, null, TestCases.Match(true), TestCases.Match(false, "reported", 3));
        var policy = RepositoryPolicy.Policy;

        var score = TriageScorer.Score(safetyCase, policy.GetCategory("csam"), policy.Triage.Weights, 0, TestCases.Now);

        Assert.Equal(90, score.Priority);
        Assert.DoesNotContain(score.Contributions, c => c.Reason.StartsWith("matched bank", StringComparison.Ordinal));
    }
}
