namespace ServerlessSafety.Domain.Banks;

/// <summary>One bank's claim on a hash: which bank, where the hash came from and what is known about it.</summary>
/// <param name="Bank">The bank name.</param>
/// <param name="Source">Where the hash came from: <c>case</c>, or the list it was imported from (<c>stopncii</c>, <c>ncmec</c>, a file).</param>
/// <param name="AddedAt">When the bank first got it.</param>
/// <param name="Quality">PDQ quality (0-100) when known; null for exact hashes and lists that do not say.</param>
/// <param name="CaseId">The case the hash came from, when it came from one.</param>
/// <param name="Metadata">What the source says about the hash (its list id, case numbers, tags); no personal data.</param>
public sealed record BankMembership(
    string Bank,
    string Source,
    DateTimeOffset AddedAt,
    int? Quality = null,
    string? CaseId = null,
    IReadOnlyDictionary<string, string>? Metadata = null)
{
    /// <summary>Whether <paramref name="other"/> says the same as this one, apart from when it was added.</summary>
    public bool ClaimsTheSameAs(BankMembership other)
        => Bank == other.Bank && Source == other.Source && Quality == other.Quality && CaseId == other.CaseId
            && (Metadata ?? Empty).OrderBy(p => p.Key, StringComparer.Ordinal)
                .SequenceEqual((other.Metadata ?? Empty).OrderBy(p => p.Key, StringComparer.Ordinal));

    private static IReadOnlyDictionary<string, string> Empty { get; } = new Dictionary<string, string>();
}
