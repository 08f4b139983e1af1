using System.Security.Cryptography;
using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Signals.Hashing;

/// <summary>A cryptographic digest of the raw bytes; any content, including zero bytes, has one.</summary>
public abstract class DigestHasher : ISignalHasher
{
    private readonly HashAlgorithmName _algorithm;

    /// <summary>Creates the hasher for <paramref name="algorithm"/>.</summary>
    protected DigestHasher(ISignalType signalType, HashAlgorithmName algorithm)
    {
        SignalType = signalType;
        _algorithm = algorithm;
    }

    /// <inheritdoc />
    public ISignalType SignalType { get; }

    /// <inheritdoc />
    public SignalHash Hash(ReadOnlySpan<byte> content)
    {
        Span<byte> digest = stackalloc byte[64];
        var written = CryptographicOperations.HashData(_algorithm, content, digest);
        return new SignalHash(SignalType, Convert.ToHexStringLower(digest[..written]));
    }

    /// <inheritdoc />
    public async Task<SignalHash> HashAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var digest = await CryptographicOperations.HashDataAsync(_algorithm, content, cancellationToken).ConfigureAwait(false);
        return new SignalHash(SignalType, Convert.ToHexStringLower(digest));
    }
}
