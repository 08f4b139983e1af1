using ServerlessSafety.Signals.Hashing;

namespace ServerlessSafety.Domain.Screening;

/// <summary>Computes SHA-256, MD5 and PDQ (with its dihedral variants) of an upload's bytes in one place.</summary>
public sealed class UploadHasher
{
    private readonly Sha256Hasher _sha256 = new();
    private readonly Md5Hasher _md5 = new();
    private readonly PdqHasher _pdq;

    /// <summary>Creates the hasher with the PDQ hasher's limits.</summary>
    public UploadHasher(PdqHasherOptions? pdqOptions = null)
    {
        _pdq = new PdqHasher(pdqOptions);
    }

    /// <summary>
    /// Hashes <paramref name="content"/>. Any bytes have a SHA-256 and MD5; content that is not a decodable image
    /// within the limits gets no PDQ hash and says why, so it is still matched exactly.
    /// </summary>
    public HashedUpload Hash(ReadOnlySpan<byte> content)
    {
        var sha256 = _sha256.Hash(content).Value;
        var md5 = _md5.Hash(content).Value;
        try
        {
            var pdq = _pdq.HashImage(content);
            return new HashedUpload(new UploadHashes(content.Length, sha256, md5, pdq.Hash.ToString(), pdq.Quality), pdq.Variants, null);
        }
        catch (UnhashableContentException e)
        {
            return new HashedUpload(new UploadHashes(content.Length, sha256, md5, null, null), null, e.Reason);
        }
    }
}
