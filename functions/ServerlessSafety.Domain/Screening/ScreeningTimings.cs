namespace ServerlessSafety.Domain.Screening;

/// <summary>Where the time of one screening went, in milliseconds.</summary>
/// <param name="ReadMs">Reading the upload.</param>
/// <param name="HashMs">Computing SHA-256, MD5 and PDQ.</param>
/// <param name="MatchMs">Point reads and the PDQ index.</param>
/// <param name="TotalMs">Everything, including quarantine and the case.</param>
public sealed record ScreeningTimings(double ReadMs, double HashMs, double MatchMs, double TotalMs);
