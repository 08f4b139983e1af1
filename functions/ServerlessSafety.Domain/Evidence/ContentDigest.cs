using System.Security.Cryptography;

namespace ServerlessSafety.Domain.Evidence;

/// <summary>SHA-256 and MD5 of some bytes, computed in one pass.</summary>
/// <param name="Sha256">SHA-256, lower-case hex.</param>
/// <param name="Md5">MD5, lower-case hex.</param>
/// <param name="Length">How many bytes.</param>
public sealed record ContentDigest(string Sha256, string Md5, long Length)
{
    /// <summary>Reads <paramref name="content"/> to its end, copying it to <paramref name="copyTo"/> when given.</summary>
    public static async Task<ContentDigest> ComputeAsync(Stream content, Stream? copyTo = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
#pragma warning disable CA5351 // MD5 is what NCMEC and law enforcement match on; it is not used for security here.
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha256.AppendData(buffer, 0, read);
            md5.AppendData(buffer, 0, read);
            length += read;
            if (copyTo is not null)
            {
                await copyTo.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        return new ContentDigest(Convert.ToHexStringLower(sha256.GetHashAndReset()), Convert.ToHexStringLower(md5.GetHashAndReset()), length);
    }

    /// <summary>Whether these are the hashes a case recorded (hex compared without regard to case).</summary>
    public bool Matches(string sha256, string md5)
        => string.Equals(Sha256, sha256, StringComparison.OrdinalIgnoreCase) && string.Equals(Md5, md5, StringComparison.OrdinalIgnoreCase);
}
