namespace ServerlessSafety.Domain.Cases;

/// <summary>The final resolution of a case.</summary>
/// <param name="Outcome">What was decided.</param>
/// <param name="Summary">The final notice sent to the reporter.</param>
/// <param name="ResolvedAt">When.</param>
/// <param name="ResolvedBy">The moderator, or <c>system</c>.</param>
public sealed record CaseResolution(ResolutionOutcome Outcome, string Summary, DateTimeOffset ResolvedAt, string ResolvedBy);

/// <summary>What a case's decision was.</summary>
public enum ResolutionOutcome
{
    /// <summary>The content was removed and action taken against the account.</summary>
    ContentRemoved,

    /// <summary>Action was taken against the account only.</summary>
    AccountActioned,

    /// <summary>Nothing broke the policy.</summary>
    NoViolation,

    /// <summary>The content could not be found (already gone).</summary>
    ContentNotFound,
}
