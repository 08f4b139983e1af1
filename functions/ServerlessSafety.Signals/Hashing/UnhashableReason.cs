namespace ServerlessSafety.Signals.Hashing;

/// <summary>Why content could not be hashed; screening turns each into an "unscannable" verdict.</summary>
public enum UnhashableReason
{
    /// <summary>Zero bytes.</summary>
    Empty,

    /// <summary>More bytes than <see cref="PdqHasherOptions.MaxContentBytes"/> (or the hasher's limit).</summary>
    TooManyBytes,

    /// <summary>Width times height over <see cref="PdqHasherOptions.MaxPixels"/>, found from the header before decoding.</summary>
    TooManyPixels,

    /// <summary>Not JPEG, PNG, GIF, BMP or WebP.</summary>
    UnsupportedFormat,

    /// <summary>A known format whose data is broken: truncated, corrupt header, bad dimensions.</summary>
    Corrupt,
}
