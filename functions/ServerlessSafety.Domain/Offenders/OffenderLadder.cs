using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Domain.Offenders;

/// <summary>
/// The consequences ladder applied to offender records. Pure functions of the record, so the store can apply them
/// again after a concurrency conflict, and repeat calls for the same case change nothing.
/// </summary>
/// <remarks>
/// The step is the account's count of standing strikes in any category, capped at the category's last step:
/// a second offence is a second offence whichever rule it broke. A category whose ladder starts at a permanent
/// ban bans on the first offence.
/// </remarks>
public static class OffenderLadder
{
    /// <summary>The longest appeal statement kept.</summary>
    public const int MaxStatementLength = 4000;

    /// <summary>Records a case about the account without a strike (for example, no violation found).</summary>
    public static OffenderRecord RecordCase(OffenderRecord record, string caseId)
        => record.CaseIds.Contains(caseId) ? record : record with { CaseIds = [.. record.CaseIds, caseId] };

    /// <summary>Applies the next step of <paramref name="category"/>'s ladder for a decision on <paramref name="caseId"/>.</summary>
    public static OffenderRecord ApplyStrike(OffenderRecord record, PolicyCategory category, string caseId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(category);
        if (record.StrikeFor(caseId) is not null)
        {
            return RecordCase(record, caseId);
        }

        var stepIndex = Math.Min(record.StandingStrikes, category.Ladder.Count - 1);
        var step = category.Ladder[stepIndex];
        var strike = new OffenderStrike(caseId, category.Id, stepIndex, step.Action, step.Duration, now, step.Duration is { } d ? now + d : null);
        return RecordCase(record, caseId) with { Strikes = [.. record.Strikes, strike] };
    }

    /// <summary>Files an appeal against the strike of a case; a second appeal for the same case changes nothing.</summary>
    /// <exception cref="InvalidOperationException">The case brought no strike against the account.</exception>
    public static OffenderRecord FileAppeal(OffenderRecord record, string caseId, string statement, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.StrikeFor(caseId) is null)
        {
            throw new InvalidOperationException($"Case {caseId} brought no strike to appeal.");
        }

        if (record.Appeals.Any(a => a.CaseId == caseId))
        {
            return record;
        }

        var text = (statement ?? string.Empty).Trim();
        var appeal = new OffenderAppeal(caseId, now, text.Length > MaxStatementLength ? text[..MaxStatementLength] : text);
        return record with { Appeals = [.. record.Appeals, appeal] };
    }

    /// <summary>Decides a pending appeal; overturning lifts the strike so it no longer counts on the ladder.</summary>
    /// <exception cref="InvalidOperationException">No appeal was filed for the case.</exception>
    public static OffenderRecord DecideAppeal(OffenderRecord record, string caseId, AppealOutcome outcome, string moderatorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (outcome == AppealOutcome.Pending)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), "An appeal is decided as upheld or overturned.");
        }

        var appeal = record.Appeals.FirstOrDefault(a => a.CaseId == caseId)
            ?? throw new InvalidOperationException($"No appeal was filed for case {caseId}.");
        if (appeal.Outcome != AppealOutcome.Pending)
        {
            return record;
        }

        var decided = appeal with { Outcome = outcome, DecidedAt = now, DecidedBy = moderatorId };
        return record with
        {
            Appeals = record.Appeals.Select(a => a == appeal ? decided : a).ToList(),
            Strikes = outcome == AppealOutcome.Overturned
                ? record.Strikes.Select(s => s.CaseId == caseId ? s with { Overturned = true } : s).ToList()
                : record.Strikes,
        };
    }
}
