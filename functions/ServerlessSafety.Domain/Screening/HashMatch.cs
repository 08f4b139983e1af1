using ServerlessSafety.Domain.Banks;

namespace ServerlessSafety.Domain.Screening;

/// <summary>One upload hash matching one bank's hash, with what that bank knows about it.</summary>
/// <param name="SignalType">The signal type that matched.</param>
/// <param name="MatchedValue">The bank's hash value.</param>
/// <param name="Bank">The bank.</param>
/// <param name="BankKind">What the bank holds.</param>
/// <param name="Distance">Hamming distance for PDQ (the smallest over the upload's eight dihedral forms); 0 for exact hashes.</param>
/// <param name="Membership">The bank's record of the hash: source, time added, quality, case and metadata.</param>
public sealed record HashMatch(string SignalType, string MatchedValue, string Bank, BankKind BankKind, int Distance, BankMembership Membership);
