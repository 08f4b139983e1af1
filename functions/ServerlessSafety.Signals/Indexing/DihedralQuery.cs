using ServerlessSafety.Signals.Hashing.Pdq;
using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Signals.Indexing;

/// <summary>Queries a PDQ index with all eight dihedral variants of an upload, so rotated or mirrored copies match.</summary>
public static class DihedralQuery
{
    /// <summary>
    /// Every entry within <paramref name="maxDistance"/> of any variant, once, with its smallest distance and the
    /// variant that achieved it.
    /// </summary>
    /// <param name="index">The index.</param>
    /// <param name="variants">The hashes indexed by <see cref="DihedralTransform"/> (as <c>PdqHashResult.Variants</c>).</param>
    /// <param name="maxDistance">Largest Hamming distance that counts as a match.</param>
    public static IReadOnlyList<DihedralMatch> QueryVariants(
        this IHashIndex<PdqHash> index, IReadOnlyList<PdqHash> variants, int maxDistance)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(variants);
        var best = new Dictionary<long, DihedralMatch>();
        for (var v = 0; v < variants.Count; v++)
        {
            foreach (var match in index.Query(variants[v], maxDistance))
            {
                if (!best.TryGetValue(match.EntryId, out var seen) || match.Distance < seen.Distance)
                {
                    best[match.EntryId] = new DihedralMatch(match.EntryId, match.Distance, (DihedralTransform)v);
                }
            }
        }

        return [.. best.Values.OrderBy(m => m.Distance).ThenBy(m => m.EntryId)];
    }
}
