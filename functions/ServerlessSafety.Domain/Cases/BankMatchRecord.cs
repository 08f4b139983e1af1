namespace ServerlessSafety.Domain.Cases;

/// <summary>A match of an upload against the hash bank, as recorded on a case.</summary>
/// <param name="UploadId">The upload that matched.</param>
/// <param name="SignalType">The signal type that matched.</param>
/// <param name="MatchedValue">The bank's hash value.</param>
/// <param name="Bank">The bank it belongs to.</param>
/// <param name="Distance">Hamming distance for PDQ; 0 for exact hashes.</param>
/// <param name="BankIsVerified">Whether the bank holds verified material (for example NCMEC's list).</param>
/// <param name="SourceCaseId">The case the bank hash came from, when it came from a case.</param>
public sealed record BankMatchRecord(
    string UploadId,
    string SignalType,
    string MatchedValue,
    string Bank,
    int Distance,
    bool BankIsVerified,
    string? SourceCaseId);
