using System.Globalization;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Domain.Triage;

/// <summary>Scores a case's priority from the policy's triage weights. A pure function: same inputs, same score.</summary>
public static class TriageScorer
{
    /// <summary>Scores a case.</summary>
    /// <param name="safetyCase">The case.</param>
    /// <param name="category">Its policy category.</param>
    /// <param name="weights">The policy's weights.</param>
    /// <param name="standingStrikes">Standing strikes of the reported account (0 when none is named).</param>
    /// <param name="now">The time the score is for (time left before the deadline).</param>
    public static TriageScore Score(SafetyCase safetyCase, PolicyCategory category, TriageWeights weights, int standingStrikes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(safetyCase);
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(weights);
        var contributions = new List<TriageContribution>
        {
            new(weights.Severity * category.Severity, $"severity {category.Severity} of 5 ({category.Name})"),
        };

        if (safetyCase.InvolvesMinor)
        {
            contributions.Add(new(weights.MinorInvolved, "a minor is or may be involved"));
        }

        var verified = safetyCase.Matches.Where(m => m.BankIsVerified).ToList();
        if (verified.Count > 0)
        {
            contributions.Add(new(weights.VerifiedBankMatch, $"matched verified bank {Banks(verified)}"));
        }
        else if (safetyCase.Matches.Count > 0)
        {
            contributions.Add(new(weights.BankMatch, $"matched bank {Banks(safetyCase.Matches)}"));
        }

        var strikes = Math.Min(standingStrikes, weights.PriorStrikesCounted);
        if (strikes > 0)
        {
            var counted = standingStrikes > strikes ? $" ({strikes} counted)" : string.Empty;
            contributions.Add(new(weights.PriorStrike * strikes, $"reported account has {standingStrikes} earlier strike{(standingStrikes == 1 ? string.Empty : "s")}{counted}"));
        }

        var left = safetyCase.DueBy - now;
        if (left <= TimeSpan.Zero)
        {
            contributions.Add(new(weights.Overdue, "past the resolution deadline"));
        }
        else if (left < weights.DeadlineSoonWithin)
        {
            contributions.Add(new(weights.DeadlineSoon, $"less than {DurationText.Format(weights.DeadlineSoonWithin)} left before the deadline"));
        }

        return new TriageScore(contributions.Sum(c => c.Points), contributions);
    }

    private static string Banks(IEnumerable<BankMatchRecord> matches)
        => string.Join(", ", matches
            .GroupBy(m => m.Bank, StringComparer.Ordinal)
            .Select(g => $"'{g.Key}' (distance {g.Min(m => m.Distance).ToString(CultureInfo.InvariantCulture)})"));
}
