namespace ServerlessSafety.Signals.Signals;

/// <summary>A cryptographic digest written as a fixed number of hex digits and matched only when equal.</summary>
public abstract class HexDigestSignal : ISignalType
{
    private readonly int _hexLength;

    /// <summary>Creates the type for digests of <paramref name="byteLength"/> bytes.</summary>
    protected HexDigestSignal(int byteLength) => _hexLength = byteLength * 2;

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public int DefaultMatchDistance => 0;

    /// <inheritdoc />
    public string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!TryNormalize(value, out var normalized))
        {
            throw new SignalFormatException(Name, value, $"expected {_hexLength} hex digits");
        }

        return normalized;
    }

    /// <inheritdoc />
    public bool TryNormalize(string? value, out string normalized)
    {
        normalized = string.Empty;
        var text = value.AsSpan().Trim();
        if (text.Length != _hexLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        normalized = text.ToString().ToLowerInvariant();
        return true;
    }

    /// <inheritdoc />
    public int Distance(string left, string right) =>
        string.Equals(Normalize(left), Normalize(right), StringComparison.Ordinal) ? 0 : int.MaxValue;
}
