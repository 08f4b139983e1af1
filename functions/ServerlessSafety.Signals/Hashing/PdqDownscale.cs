namespace ServerlessSafety.Signals.Hashing;

/// <summary>What the PDQ hasher does with images whose width or height is over 512 pixels.</summary>
public enum PdqDownscale
{
    /// <summary>
    /// Nearest-neighbour squash to exactly 512x512 (aspect ratio lost) before the Jarosz filter, as Meta's
    /// <c>pdq-photo-hasher</c> does. Reproduces the reference hashes, and costs almost nothing beyond decoding.
    /// </summary>
    ReferenceSquash512 = 0,

    /// <summary>Jarosz-filter the full-resolution luma: the PDQ algorithm without the tool's shortcut; slower.</summary>
    FullResolution = 1,
}
