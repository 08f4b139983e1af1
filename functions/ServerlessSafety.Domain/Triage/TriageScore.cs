namespace ServerlessSafety.Domain.Triage;

/// <summary>A case's priority and what made it up.</summary>
/// <param name="Priority">The sum of the contributions; higher is worked first.</param>
/// <param name="Contributions">Each factor that added points, in a fixed order.</param>
public sealed record TriageScore(int Priority, IReadOnlyList<TriageContribution> Contributions);
