namespace ServerlessSafety.Signals.Hashing;

/// <summary>Content that a hasher cannot hash, with the reason. Permanent: retrying the same bytes fails the same way.</summary>
public sealed class UnhashableContentException : Exception
{
    /// <summary>Creates the error.</summary>
    public UnhashableContentException(UnhashableReason reason, string message, Exception? innerException = null)
        : base(message, innerException) => Reason = reason;

    /// <summary>Why hashing failed.</summary>
    public UnhashableReason Reason { get; }
}
