using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Domain.Offenders;

/// <summary>
/// What the platform must do to an account, sent on the <c>enforcement-events</c> queue and/or to the platform's
/// webhook. <see cref="Id"/> is stable per case and kind, so a redelivered event is recognised as the same one.
/// </summary>
/// <param name="Id">Stable id: <c>{caseId}:{kind}</c>.</param>
/// <param name="Kind"><c>consequence-applied</c> or <c>consequence-lifted</c> (an appeal overturned it).</param>
/// <param name="Account">The account, as the platform names it.</param>
/// <param name="CaseId">The case behind it.</param>
/// <param name="Category">The policy category.</param>
/// <param name="Action">The consequence.</param>
/// <param name="Until">When a suspension ends.</param>
/// <param name="Step">The ladder step (0 for the first).</param>
/// <param name="OccurredAt">When it was decided.</param>
public sealed record EnforcementEvent(
    string Id,
    string Kind,
    string Account,
    string CaseId,
    string Category,
    ConsequenceAction Action,
    DateTimeOffset? Until,
    int Step,
    DateTimeOffset OccurredAt)
{
    /// <summary>The kind of an event that applies a consequence.</summary>
    public const string Applied = "consequence-applied";

    /// <summary>The kind of an event that lifts one after an appeal.</summary>
    public const string Lifted = "consequence-lifted";

    /// <summary>The event for a strike.</summary>
    public static EnforcementEvent For(OffenderRecord record, OffenderStrike strike, string kind, DateTimeOffset occurredAt)
        => new($"{strike.CaseId}:{kind}", kind, record.Account, strike.CaseId, strike.Category, strike.Action, strike.Until, strike.Step, occurredAt);
}
