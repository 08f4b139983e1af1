namespace ServerlessSafety.Domain.Cases;

/// <summary>A hash of reported content.</summary>
/// <param name="SignalType">The signal type name: <c>pdq</c>, <c>md5</c> or <c>sha256</c>.</param>
/// <param name="Value">The normalized value (lower-case hex).</param>
/// <param name="Quality">PDQ quality (0-100), when known.</param>
public sealed record ContentHash(string SignalType, string Value, int? Quality = null);
