using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Offenders;

namespace ServerlessSafety.Domain.Moderation;

/// <summary>What became of a decision.</summary>
/// <param name="Status">Applied, refused, or why not.</param>
/// <param name="Case">The case after the decision, when it exists.</param>
/// <param name="Problems">Why the decision was refused (for <see cref="DecisionStatus.Invalid"/>).</param>
/// <param name="Strike">The strike applied to the account, if any.</param>
/// <param name="NcmecReportRequested">Whether a CyberTipline report was requested.</param>
public sealed record DecisionResult(DecisionStatus Status, SafetyCase? Case, IReadOnlyList<string> Problems, OffenderStrike? Strike = null, bool NcmecReportRequested = false);

/// <summary>The status of a decision.</summary>
public enum DecisionStatus
{
    /// <summary>Recorded and applied (also when a moderator's retry of the same decision completed it).</summary>
    Resolved,

    /// <summary>The case was already resolved by another decision; nothing changed.</summary>
    AlreadyResolved,

    /// <summary>No such case.</summary>
    NotFound,

    /// <summary>The decision was refused; see the problems.</summary>
    Invalid,
}
