namespace ServerlessSafety.Domain.Evidence;

/// <summary>
/// The chain-of-custody record of one preserved item, written once beside it: what it is (its hashes), where it came
/// from, who moved it and when, and that the copy was read back and matched.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Evidence">Where the item is kept (<c>evidence/...</c>).</param>
/// <param name="Source">Where it came from (<c>quarantine/...</c>, or <c>case-store</c> for the case record).</param>
/// <param name="Sha256">SHA-256 of the preserved bytes, lower-case hex.</param>
/// <param name="Md5">MD5 of the preserved bytes, lower-case hex.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="ContentType">Media type.</param>
/// <param name="Actor">Who moved it: a function name or an operator.</param>
/// <param name="At">When.</param>
/// <param name="Verified">Whether the copy was read back and its hashes matched the case's record of the original.</param>
public sealed record CustodyRecord(
    string CaseId,
    string Evidence,
    string Source,
    string Sha256,
    string Md5,
    long Length,
    string ContentType,
    string Actor,
    DateTimeOffset At,
    bool Verified);
