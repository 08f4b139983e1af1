using ServerlessSafety.Domain.Banks;
using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Domain.Screening;

/// <summary>
/// Matches an upload's hashes against the bank: SHA-256 and MD5 by point read, PDQ through the in-memory
/// index at each bank's threshold, then suppression banks cancel what they cover.
/// </summary>
/// <remarks>
/// Rules, in order: a PDQ hash below a bank's quality floor (the upload's, or the bank's own record) does not
/// match that bank, while MD5 and SHA-256 always do; a PDQ match counts only within its bank's threshold; a match
/// in a <see cref="BankKind.Suppression"/> bank cancels every match of the same signal type (a known-harmless
/// image that resembles banked content is not blocked, but the exact banked bytes still are); a disabled bank
/// matches nothing.
/// </remarks>
public sealed class BankMatcher
{
    // A query near a dense cluster could return thousands of candidates; the nearest are the ones that matter.
    private const int MaxPdqCandidates = 64;

    private readonly IBankStore _store;
    private readonly PdqBankIndex _index;
    private readonly BankCatalog _catalog;

    /// <summary>Creates the matcher.</summary>
    public BankMatcher(IBankStore store, PdqBankIndex index, BankCatalog catalog)
    {
        _store = store;
        _index = index;
        _catalog = catalog;
    }

    /// <summary>Matches the upload's hashes; <paramref name="pdqVariants"/> are its eight dihedral PDQ hashes, when it has them.</summary>
    public async Task<BankMatchOutcome> MatchAsync(UploadHashes hashes, IReadOnlyList<PdqHash>? pdqVariants, CancellationToken cancellationToken = default)
    {
        var matches = new List<HashMatch>();
        foreach (var (type, value) in new[] { (BankSignalTypes.Sha256, hashes.Sha256), (BankSignalTypes.Md5, hashes.Md5) })
        {
            if (value is not null && await _store.GetAsync(type, value, cancellationToken) is { Withdrawn: false } banked)
            {
                matches.AddRange(banked.Memberships
                    .Select(m => (Membership: m, Bank: _catalog.FindMatching(m.Bank)))
                    .Where(p => p.Bank is not null)
                    .Select(p => new HashMatch(type, value, p.Bank!.Name, p.Bank.Kind, 0, p.Membership)));
            }
        }

        if (pdqVariants is { Count: > 0 } && hashes.PdqQuality is { } quality && quality >= _catalog.LowestMinimumQuality)
        {
            await _index.EnsureLoadedAsync(cancellationToken);
            foreach (var (candidate, distance) in _index.Query(pdqVariants, _catalog.Radius).Take(MaxPdqCandidates))
            {
                var value = candidate.ToString();
                if (await _store.GetAsync(BankSignalTypes.Pdq, value, cancellationToken) is not { Withdrawn: false } banked)
                {
                    continue;
                }

                foreach (var membership in banked.Memberships)
                {
                    if (_catalog.FindMatching(membership.Bank) is { } bank
                        && distance <= bank.PdqThreshold
                        && quality >= _catalog.MinimumQualityOf(bank)
                        && (membership.Quality ?? int.MaxValue) >= _catalog.MinimumQualityOf(bank))
                    {
                        matches.Add(new HashMatch(BankSignalTypes.Pdq, value, bank.Name, bank.Kind, distance, membership));
                    }
                }
            }
        }

        var suppressedTypes = matches.Where(m => m.BankKind == BankKind.Suppression).Select(m => m.SignalType).ToHashSet(StringComparer.Ordinal);
        var blocking = matches
            .Where(m => m.BankKind != BankKind.Suppression && !suppressedTypes.Contains(m.SignalType))
            .OrderBy(m => m.BankKind == BankKind.Verified ? 0 : 1)
            .ThenBy(m => m.Distance)
            .ToList();
        var suppressed = matches.Where(m => m.BankKind == BankKind.Suppression || suppressedTypes.Contains(m.SignalType)).ToList();
        return new BankMatchOutcome(blocking, suppressed);
    }
}
