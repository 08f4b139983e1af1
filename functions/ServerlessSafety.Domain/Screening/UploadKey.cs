using System.Security.Cryptography;
using System.Text;

namespace ServerlessSafety.Domain.Screening;

/// <summary>
/// Stable ids derived from an upload's blob name: the same upload always gives the same screening record and
/// the same case, which is what makes screening idempotent under redelivery.
/// </summary>
public static class UploadKey
{
    /// <summary>The key of <paramref name="uploadName"/>: 32 hex digits of its SHA-256 (blob names may hold characters Cosmos ids may not).</summary>
    public static string For(string uploadName)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(uploadName)))[..32];

    /// <summary>The id of the case a blocked upload opens.</summary>
    public static string CaseIdFor(string uploadName) => "upload-" + For(uploadName);
}
