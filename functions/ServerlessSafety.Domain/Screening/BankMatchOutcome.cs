namespace ServerlessSafety.Domain.Screening;

/// <summary>What the bank said about one upload.</summary>
/// <param name="Blocking">Matches that block the upload, most serious first (verified banks, then nearest).</param>
/// <param name="Suppressed">Suppression-bank matches and the matches they cancelled.</param>
public sealed record BankMatchOutcome(IReadOnlyList<HashMatch> Blocking, IReadOnlyList<HashMatch> Suppressed)
{
    /// <summary>Whether the upload must be blocked.</summary>
    public bool IsMatch => Blocking.Count > 0;
}
