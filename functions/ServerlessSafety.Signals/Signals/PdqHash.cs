using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace ServerlessSafety.Signals.Signals;

/// <summary>
/// A 256-bit PDQ hash held as four 64-bit words. Bit <c>k</c> (0..255) is bit <c>k % 64</c> of word <c>k / 64</c>;
/// the hash's DCT coefficient at row <c>i</c>, column <c>j</c> of the 16x16 block is bit <c>16 i + j</c>.
/// </summary>
/// <remarks>
/// The text form is the reference's: 64 lower-case hex digits, most significant bit (255) first, so
/// <c>ToString()</c> of a hash computed here equals the string Meta's tools print for the same hash.
/// </remarks>
public readonly struct PdqHash : IEquatable<PdqHash>
{
    /// <summary>Number of bits in a PDQ hash.</summary>
    public const int BitCount = 256;

    /// <summary>Length of the hex text form.</summary>
    public const int HexLength = 64;

    /// <summary>Creates a hash from its four words, <paramref name="w0"/> holding bits 0..63.</summary>
    public PdqHash(ulong w0, ulong w1, ulong w2, ulong w3)
    {
        W0 = w0;
        W1 = w1;
        W2 = w2;
        W3 = w3;
    }

    /// <summary>Bits 0..63.</summary>
    public ulong W0 { get; }

    /// <summary>Bits 64..127.</summary>
    public ulong W1 { get; }

    /// <summary>Bits 128..191.</summary>
    public ulong W2 { get; }

    /// <summary>Bits 192..255.</summary>
    public ulong W3 { get; }

    /// <summary>Number of set bits.</summary>
    public int PopCount =>
        BitOperations.PopCount(W0) + BitOperations.PopCount(W1) + BitOperations.PopCount(W2) + BitOperations.PopCount(W3);

    /// <summary>Word <paramref name="index"/> (0..3).</summary>
    public ulong Word(int index) => index switch
    {
        0 => W0,
        1 => W1,
        2 => W2,
        3 => W3,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "A PDQ hash has words 0 to 3."),
    };

    /// <summary>Whether bit <paramref name="bit"/> (0..255) is set.</summary>
    public bool GetBit(int bit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bit, BitCount);
        return ((Word(bit >> 6) >> (bit & 63)) & 1) != 0;
    }

    /// <summary>The hash with bit <paramref name="bit"/> inverted.</summary>
    public PdqHash FlipBit(int bit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bit, BitCount);
        var mask = 1UL << (bit & 63);
        return (bit >> 6) switch
        {
            0 => new PdqHash(W0 ^ mask, W1, W2, W3),
            1 => new PdqHash(W0, W1 ^ mask, W2, W3),
            2 => new PdqHash(W0, W1, W2 ^ mask, W3),
            _ => new PdqHash(W0, W1, W2, W3 ^ mask),
        };
    }

    /// <summary>Hamming distance: the number of bits in which the two hashes differ (0..256).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DistanceTo(PdqHash other) =>
        BitOperations.PopCount(W0 ^ other.W0) + BitOperations.PopCount(W1 ^ other.W1)
        + BitOperations.PopCount(W2 ^ other.W2) + BitOperations.PopCount(W3 ^ other.W3);

    /// <summary>Parses the 64-hex-digit form (either case).</summary>
    /// <exception cref="SignalFormatException">The text is not 64 hex digits.</exception>
    public static PdqHash Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var hash))
        {
            throw new SignalFormatException(PdqSignal.TypeName, text, "expected 64 hex digits");
        }

        return hash;
    }

    /// <summary>Parses the 64-hex-digit form (either case); false on anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PdqHash hash)
    {
        hash = default;
        if (text.Length != HexLength
            || !TryParseWord(text[..16], out var w3) || !TryParseWord(text[16..32], out var w2)
            || !TryParseWord(text[32..48], out var w1) || !TryParseWord(text[48..], out var w0))
        {
            return false;
        }

        hash = new PdqHash(w0, w1, w2, w3);
        return true;
    }

    /// <summary>The 64 lower-case hex digits, bit 255 first, as the reference prints them.</summary>
    public override string ToString() => string.Create(HexLength, this, static (span, h) =>
    {
        h.W3.TryFormat(span[..16], out _, "x16", CultureInfo.InvariantCulture);
        h.W2.TryFormat(span[16..32], out _, "x16", CultureInfo.InvariantCulture);
        h.W1.TryFormat(span[32..48], out _, "x16", CultureInfo.InvariantCulture);
        h.W0.TryFormat(span[48..], out _, "x16", CultureInfo.InvariantCulture);
    });

    /// <inheritdoc />
    public bool Equals(PdqHash other) => W0 == other.W0 && W1 == other.W1 && W2 == other.W2 && W3 == other.W3;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PdqHash other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(W0, W1, W2, W3);

    /// <summary>Equality of all 256 bits.</summary>
    public static bool operator ==(PdqHash left, PdqHash right) => left.Equals(right);

    /// <summary>Inequality in any bit.</summary>
    public static bool operator !=(PdqHash left, PdqHash right) => !left.Equals(right);

    private static bool TryParseWord(ReadOnlySpan<char> hex, out ulong word)
    {
        // NumberStyles.HexNumber alone would accept surrounding white space; the reference form has none.
        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                word = 0;
                return false;
            }
        }

        return ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out word);
    }
}
