using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Moderation;

/// <summary>A moderator's decision on a case.</summary>
/// <param name="Outcome">What was decided.</param>
/// <param name="ApplyConsequence">Whether the reported account gets the next step of the category's ladder.</param>
/// <param name="Note">Why: required, at most <see cref="MaxNoteLength"/> characters; moderators read it, the reporter does not.</param>
/// <param name="ReportToNcmec">Report to NCMEC even where the policy does not require it.</param>
public sealed record ModerationDecision(ResolutionOutcome Outcome, bool ApplyConsequence, string Note, bool ReportToNcmec = false)
{
    /// <summary>The longest note accepted.</summary>
    public const int MaxNoteLength = 2000;

    /// <summary>Reads a decision from form fields (<c>outcome</c>, <c>applyConsequence</c>, <c>reportToNcmec</c>, <c>note</c>).</summary>
    /// <param name="field">Returns a field's value, or null when absent.</param>
    /// <param name="problems">What is wrong, when the result is null.</param>
    public static ModerationDecision? FromForm(Func<string, string?> field, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(field);
        var found = new List<string>();
        var outcomeText = field("outcome");
        if (!Enum.TryParse<ResolutionOutcome>(outcomeText, ignoreCase: true, out var outcome) || !Enum.IsDefined(outcome) || int.TryParse(outcomeText, out _))
        {
            found.Add("Choose an outcome.");
        }

        problems = found;
        return found.Count > 0 ? null : new ModerationDecision(outcome, IsChecked(field("applyConsequence")), field("note") ?? string.Empty, IsChecked(field("reportToNcmec")));
    }

    /// <summary>What is wrong with the decision for <paramref name="safetyCase"/>; empty when it can be applied.</summary>
    public IReadOnlyList<string> Check(SafetyCase safetyCase)
    {
        ArgumentNullException.ThrowIfNull(safetyCase);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Note))
        {
            problems.Add("Give the reason for the decision.");
        }
        else if (Note.Length > MaxNoteLength)
        {
            problems.Add($"Keep the reason under {MaxNoteLength} characters.");
        }

        if (ApplyConsequence && Outcome == ResolutionOutcome.NoViolation)
        {
            problems.Add("A case with no violation cannot bring a consequence.");
        }

        if (ApplyConsequence && safetyCase.Subject.Account is null)
        {
            problems.Add("The case names no account to apply a consequence to.");
        }

        if (ReportToNcmec && Outcome == ResolutionOutcome.NoViolation)
        {
            problems.Add("A case with no violation is not reported to NCMEC.");
        }

        return problems;
    }

    private static bool IsChecked(string? value) => value is not null && (value == "on" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
}
