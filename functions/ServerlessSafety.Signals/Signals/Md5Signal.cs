namespace ServerlessSafety.Signals.Signals;

/// <summary>MD5 digests of the content bytes (32 hex digits), as NCMEC and StopNCII lists carry them.</summary>
public sealed class Md5Signal : HexDigestSignal
{
    /// <summary>The stored name of this signal type.</summary>
    public const string TypeName = "md5";

    private Md5Signal()
        : base(16)
    {
    }

    /// <summary>The one instance; the type has no state.</summary>
    public static Md5Signal Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => TypeName;
}
