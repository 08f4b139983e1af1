namespace ServerlessSafety.Signals.Signals;

/// <summary>
/// A kind of content signal (PDQ, MD5, SHA-256): its name, its canonical text form and the distance between two values.
/// </summary>
/// <remarks>
/// Normalize at the boundary (import, API input) so that stores and indexes only ever hold canonical values;
/// two values are the same signal exactly when their canonical forms are equal strings.
/// </remarks>
public interface ISignalType
{
    /// <summary>Stable name stored with every bank record: <c>pdq</c>, <c>md5</c>, <c>sha256</c>.</summary>
    string Name { get; }

    /// <summary>Largest distance this type's matcher treats as a match unless a bank says otherwise; 0 for exact types.</summary>
    int DefaultMatchDistance { get; }

    /// <summary>Returns the canonical form of <paramref name="value"/> (trimmed, lower-case hex).</summary>
    /// <exception cref="SignalFormatException">The value is not of this type; the message names it.</exception>
    string Normalize(string value);

    /// <summary>Whether <paramref name="value"/> normalizes; never throws.</summary>
    bool TryNormalize(string? value, out string normalized);

    /// <summary>
    /// Distance between two values of this type: Hamming distance for PDQ; for exact types 0 when equal,
    /// otherwise <see cref="int.MaxValue"/>.
    /// </summary>
    /// <exception cref="SignalFormatException">Either value is not of this type.</exception>
    int Distance(string left, string right);
}
