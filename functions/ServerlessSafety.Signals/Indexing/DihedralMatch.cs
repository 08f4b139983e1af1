using ServerlessSafety.Signals.Hashing.Pdq;

namespace ServerlessSafety.Signals.Indexing;

/// <summary>An entry matched by some dihedral variant of the query.</summary>
/// <param name="EntryId">The entry id.</param>
/// <param name="Distance">The smallest distance over the variants.</param>
/// <param name="Transform">The variant that achieved it: the upload is the banked image under this transform's inverse.</param>
public readonly record struct DihedralMatch(long EntryId, int Distance, DihedralTransform Transform);
