using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Signals.Hashing;

/// <summary>Computes one signal type's value from content bytes.</summary>
/// <remarks>Implementations are thread-safe and stateless per call, so one instance serves every upload.</remarks>
public interface ISignalHasher
{
    /// <summary>The type of signal this hasher produces.</summary>
    ISignalType SignalType { get; }

    /// <summary>Hashes <paramref name="content"/>.</summary>
    /// <exception cref="UnhashableContentException">The content cannot be hashed (empty, too big, not an image, corrupt).</exception>
    SignalHash Hash(ReadOnlySpan<byte> content);

    /// <summary>Hashes the rest of <paramref name="content"/>, reading at most the hasher's byte limit.</summary>
    /// <exception cref="UnhashableContentException">The content cannot be hashed.</exception>
    Task<SignalHash> HashAsync(Stream content, CancellationToken cancellationToken = default);
}
