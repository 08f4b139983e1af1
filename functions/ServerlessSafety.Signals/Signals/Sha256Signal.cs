namespace ServerlessSafety.Signals.Signals;

/// <summary>SHA-256 digests of the content bytes (64 hex digits).</summary>
public sealed class Sha256Signal : HexDigestSignal
{
    /// <summary>The stored name of this signal type.</summary>
    public const string TypeName = "sha256";

    private Sha256Signal()
        : base(32)
    {
    }

    /// <summary>The one instance; the type has no state.</summary>
    public static Sha256Signal Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => TypeName;
}
