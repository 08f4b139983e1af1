namespace ServerlessSafety.Domain.Offenders;

/// <summary>An account's appeal against the strike of one case.</summary>
/// <param name="CaseId">The case whose strike is appealed.</param>
/// <param name="FiledAt">When the appeal came in.</param>
/// <param name="Statement">The account holder's words (bounded in length).</param>
/// <param name="Outcome">Pending until a moderator decides.</param>
/// <param name="DecidedAt">When it was decided.</param>
/// <param name="DecidedBy">The moderator who decided.</param>
public sealed record OffenderAppeal(
    string CaseId,
    DateTimeOffset FiledAt,
    string Statement,
    AppealOutcome Outcome = AppealOutcome.Pending,
    DateTimeOffset? DecidedAt = null,
    string? DecidedBy = null);

/// <summary>How an appeal ended.</summary>
public enum AppealOutcome
{
    /// <summary>Not decided yet.</summary>
    Pending,

    /// <summary>The strike stands.</summary>
    Upheld,

    /// <summary>The strike is lifted and no longer counts.</summary>
    Overturned,
}
