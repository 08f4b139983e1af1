namespace ServerlessSafety.Domain.Cases;

/// <summary>The triage score of a case and the reasons behind it.</summary>
/// <param name="Priority">Higher is more urgent.</param>
/// <param name="Reasons">Each contribution to the score, in words a moderator reads.</param>
/// <param name="Route">Where triage sent the case.</param>
/// <param name="AssessedAt">When.</param>
public sealed record TriageAssessment(int Priority, IReadOnlyList<string> Reasons, TriageRoute Route, DateTimeOffset AssessedAt);

/// <summary>Where triage sends a case.</summary>
public enum TriageRoute
{
    /// <summary>To the moderators' queue.</summary>
    ModeratorQueue,

    /// <summary>Straight to NCMEC escalation (a verified-bank match the policy lets through without review).</summary>
    NcmecEscalation,
}
