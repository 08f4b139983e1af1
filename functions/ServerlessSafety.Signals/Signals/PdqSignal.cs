namespace ServerlessSafety.Signals.Signals;

/// <summary>PDQ perceptual hashes: 64 hex digits, compared by Hamming distance.</summary>
public sealed class PdqSignal : ISignalType
{
    /// <summary>The stored name of this signal type.</summary>
    public const string TypeName = "pdq";

    /// <summary>Matching threshold used by Meta's tools and by banks that do not set their own.</summary>
    public const int DefaultThreshold = 31;

    /// <summary>Hashes of lower quality are too flat to match on (too many unrelated images collide).</summary>
    public const int MinimumUsefulQuality = 50;

    /// <summary>The one instance; the type has no state.</summary>
    public static PdqSignal Instance { get; } = new();

    /// <inheritdoc />
    public string Name => TypeName;

    /// <inheritdoc />
    public int DefaultMatchDistance => DefaultThreshold;

    /// <inheritdoc />
    public string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return PdqHash.Parse(value.Trim()).ToString();
    }

    /// <inheritdoc />
    public bool TryNormalize(string? value, out string normalized)
    {
        if (value is not null && PdqHash.TryParse(value.AsSpan().Trim(), out var hash))
        {
            normalized = hash.ToString();
            return true;
        }

        normalized = string.Empty;
        return false;
    }

    /// <inheritdoc />
    public int Distance(string left, string right) =>
        PdqHash.Parse(left.Trim()).DistanceTo(PdqHash.Parse(right.Trim()));
}
