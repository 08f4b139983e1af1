using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Signals.Hashing;

/// <summary>One signal computed from content.</summary>
/// <param name="Type">The signal type.</param>
/// <param name="Value">The canonical text form (<see cref="ISignalType.Normalize"/> leaves it unchanged).</param>
/// <param name="Quality">PDQ quality 0..100; null for types without a quality.</param>
public sealed record SignalHash(ISignalType Type, string Value, int? Quality = null);
