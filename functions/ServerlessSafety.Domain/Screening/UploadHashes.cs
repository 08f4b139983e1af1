namespace ServerlessSafety.Domain.Screening;

/// <summary>The hashes of one upload, as recorded (no content).</summary>
/// <param name="Length">Size in bytes.</param>
/// <param name="Sha256">SHA-256, lower-case hex; null when the upload was too large to read.</param>
/// <param name="Md5">MD5, lower-case hex; null when the upload was too large to read.</param>
/// <param name="Pdq">PDQ hash, 64 hex digits; null when the upload is not a decodable image.</param>
/// <param name="PdqQuality">PDQ quality 0..100.</param>
public sealed record UploadHashes(long Length, string? Sha256, string? Md5, string? Pdq, int? PdqQuality);
