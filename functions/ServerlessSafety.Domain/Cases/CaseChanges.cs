namespace ServerlessSafety.Domain.Cases;

/// <summary>One read of the <see cref="ICaseChangeFeed"/>.</summary>
/// <param name="Cases">Cases changed, at their latest version.</param>
/// <param name="Checkpoint">Where the next read goes on from.</param>
public sealed record CaseChanges(IReadOnlyList<SafetyCase> Cases, string Checkpoint);
