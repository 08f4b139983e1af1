namespace ServerlessSafety.Domain.Cases;

/// <summary>A file held for a case.</summary>
/// <param name="Container">The blob container the file is in now (<c>quarantine</c>, <c>evidence</c> or <c>reports</c>).</param>
/// <param name="BlobName">The blob's name in that container.</param>
/// <param name="ContentType">The file's media type.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="Sha256">SHA-256 of the bytes, lower-case hex.</param>
/// <param name="Md5">MD5 of the bytes, lower-case hex.</param>
/// <param name="ViewedByPerson">Whether a person at the platform looked at it (NCMEC asks).</param>
public sealed record CaseFile(
    string Container,
    string BlobName,
    string ContentType,
    long Length,
    string Sha256,
    string Md5,
    bool ViewedByPerson = false);
