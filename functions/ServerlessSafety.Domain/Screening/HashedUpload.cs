using ServerlessSafety.Signals.Hashing;
using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Domain.Screening;

/// <summary>An upload's hashes, its PDQ variants when it is an image, and why it is not one otherwise.</summary>
/// <param name="Hashes">The hashes to record.</param>
/// <param name="PdqVariants">The eight dihedral PDQ hashes, or null when no PDQ hash could be made.</param>
/// <param name="Unhashable">Why no PDQ hash could be made, or null.</param>
public sealed record HashedUpload(UploadHashes Hashes, IReadOnlyList<PdqHash>? PdqVariants, UnhashableReason? Unhashable);
