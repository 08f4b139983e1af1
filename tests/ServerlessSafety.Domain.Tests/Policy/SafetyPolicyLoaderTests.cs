using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Domain.Tests.Policy;

public sealed class SafetyPolicyLoaderTests
{
    [Fact]
    public void LoadFile_RepositoryPolicy_HasTheFiveCategoriesAndTheirRules()
    {
        var policy = RepositoryPolicy.Policy;

        Assert.Equal(["sextortion", "ncii", "csam", "harassment", "other"], policy.Categories.Select(c => c.Id));
        var sextortion = policy.GetCategory("sextortion");
        Assert.Equal(ConsequenceAction.PermanentBan, sextortion.Ladder[0].Action);
        Assert.Equal(TimeSpan.FromHours(24), sextortion.ResolveWithin);
        Assert.True(sextortion.RequiresNcmecReport(involvesMinor: true));
        Assert.False(sextortion.RequiresNcmecReport(involvesMinor: false));
        Assert.True(policy.GetCategory("csam").RequiresNcmecReport(involvesMinor: false));
        Assert.Equal(TimeSpan.FromHours(48), policy.GetCategory("ncii").ResolveWithin);
        Assert.Equal(new ConsequenceStep(ConsequenceAction.Suspension, TimeSpan.FromDays(7)), policy.GetCategory("harassment").Ladder[1]);
        Assert.Contains(policy.GetCategory("ncii").Victim.RemoveElsewhere, r => r.Url.Host == "stopncii.org");
        Assert.Contains(policy.RemovalServices, r => r.Url.Host == "takeitdown.ncmec.org");
        Assert.NotEmpty(policy.Help);
        Assert.Equal(Enum.GetValues<ResolutionOutcome>().Length, policy.ResolutionNotices.Count);
        Assert.True(policy.Triage.VerifiedBankSkipsReview);
        Assert.Equal(TimeSpan.FromHours(12), policy.Triage.Weights.DeadlineSoonWithin);
    }

    public static TheoryData<string, string, string, string> BrokenPolicies => new()
    {
        // name, text to replace (first occurrence), replacement, expected "path: message" fragment
        { "unknown category", "- id: other", "- id: spam", "categories[spam].id: unknown category 'spam'" },
        { "category missing", "- id: other", "- id: spam", "categories: category 'other' is missing" },
        { "duplicate category", "- id: other", "- id: harassment", "categories[harassment].id: the category is defined twice" },
        { "missing deadline", "defaultResolveWithin: 48h\n", string.Empty, "categories[ncii].resolveWithin: missing deadline" },
        { "deadline over 48h", "resolveWithin: 24h", "resolveWithin: 72h", "categories[sextortion].resolveWithin: 72h is longer than 48h" },
        { "deadline not a duration", "resolveWithin: 24h", "resolveWithin: soon", "categories[sextortion].resolveWithin: 'soon' is not a positive duration" },
        { "ladder empty", "    ladder:\n      - action: warning\n      - action: suspension\n        duration: 7d\n      - action: permanentBan\n", "    ladder: []\n", "categories[harassment].ladder: the ladder is empty" },
        { "suspension without duration", "        duration: 30d\n", string.Empty, "categories[ncii].ladder[0].duration: a suspension needs a duration" },
        { "warning with duration", "      - action: warning\n      - action: suspension\n        duration: 7d", "      - action: warning\n        duration: 1d\n      - action: suspension\n        duration: 7d", "categories[harassment].ladder[0].duration: only a suspension has a duration" },
        { "unknown action", "      - action: warning\n      - action: suspension\n        duration: 7d", "      - action: shame\n      - action: suspension\n        duration: 7d", "categories[harassment].ladder[0].action: 'shame' is not one of" },
        { "step after ban", "      - action: permanentBan\n    victim:", "      - action: permanentBan\n      - action: warning\n    victim:", "categories[sextortion].ladder[1]: no step can follow a permanent ban" },
        { "csam not always reported", "ncmecReport: always", "ncmecReport: whenMinorInvolved", "categories[csam].ncmecReport: child sexual abuse material must always be reported" },
        { "never report", "ncmecReport: whenMinorInvolved", "ncmecReport: never", "categories[sextortion].ncmecReport: a case involving a minor must be reported" },
        { "unknown report rule", "ncmecReport: whenMinorInvolved", "ncmecReport: sometimes", "categories[sextortion].ncmecReport: 'sometimes' is not one of" },
        { "unknown removal service", "removeElsewhere: [take-it-down]", "removeElsewhere: [nowhere]", "categories[csam].victim.removeElsewhere: unknown removal service 'nowhere'" },
        { "no victim steps", "      doNow:\n        - \"You can block", "      doNow: []\n      other:\n        - \"You can block", "line" },
        { "severity out of range", "severity: 3", "severity: 9", "categories[harassment].severity: 9 is out of range" },
        { "missing resolution notice", "  contentNotFound: The content", "  contentGone: The content", "resolutionNotices.contentGone: unknown outcome" },
        { "help link not https", "https://988lifeline.org/", "http://988lifeline.org/", "help[2].url: 'http://988lifeline.org/' is not an absolute https link" },
        { "missing triage switch", "  verifiedBankSkipsReview: true\n", string.Empty, "triage.verifiedBankSkipsReview: missing" },
        { "negative weight", "minorInvolved: 30", "minorInvolved: -1", "triage.weights.minorInvolved: must not be negative" },
        { "unknown property", "  - id: harassment\n", "  - id: harassment\n    colour: red\n", "colour" },
        { "not YAML", "categories:\n", "categories: [\n", "line" },
        { "missing platform name", "  name: Example Platform\n", string.Empty, "platform.name: missing" },
    };

    [Theory]
    [MemberData(nameof(BrokenPolicies))]
    public void Parse_BrokenPolicy_NamesThePathAndTheProblem(string name, string find, string replace, string expected)
    {
        var text = RepositoryPolicy.Text;
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{name}: the test's anchor text is not in the policy file");
        var broken = text[..at] + replace + text[(at + find.Length)..];

        var error = Assert.Throws<SafetyPolicyException>(() => SafetyPolicyLoader.Parse(broken, "test.yaml"));

        Assert.Contains("test.yaml", error.Message);
        Assert.Contains(error.Problems, p => p.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EmptyVictimSteps_IsRefused()
    {
        var broken = RepositoryPolicy.Text.Replace("      doNow:\n        - \"Tell us what happened in your own words; a moderator will read it.\"\n", "      doNow: []\n", StringComparison.Ordinal);

        var error = Assert.Throws<SafetyPolicyException>(() => SafetyPolicyLoader.Parse(broken, "test.yaml"));

        Assert.Contains(error.Problems, p => p.Path == "categories[other].victim.doNow");
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        var broken = RepositoryPolicy.Text.Replace("severity: 3", "severity: 0", StringComparison.Ordinal).Replace("ncmecReport: always", "ncmecReport: never", StringComparison.Ordinal);

        var error = Assert.Throws<SafetyPolicyException>(() => SafetyPolicyLoader.Parse(broken, "test.yaml"));

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("2 problems", error.Message);
    }

    [Fact]
    public void Parse_EmptyText_IsRefused()
        => Assert.Contains("empty", Assert.Throws<SafetyPolicyException>(() => SafetyPolicyLoader.Parse(string.Empty, "x.yaml")).Message);

    [Fact]
    public void LoadFile_MissingFile_NamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-policy-{Guid.NewGuid():N}.yaml");

        var error = Assert.Throws<SafetyPolicyException>(() => SafetyPolicyLoader.LoadFile(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("not found", error.Message);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("48h", 172800)]
    [InlineData("7d", 604800)]
    public void DurationText_TryParse_ReadsUnits(string text, int seconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("12")]
    [InlineData("-3h")]
    [InlineData("3w")]
    [InlineData("1.5h")]
    public void DurationText_TryParse_RefusesOtherText(string text) => Assert.False(DurationText.TryParse(text, out _));
}
