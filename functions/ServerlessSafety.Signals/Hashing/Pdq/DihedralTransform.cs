namespace ServerlessSafety.Signals.Hashing.Pdq;

/// <summary>
/// The eight symmetries of a rectangle, in the reference's order. A PDQ hasher computes the hash of each from one pass,
/// so a rotated or mirrored copy of a banked image is found by querying all eight.
/// </summary>
public enum DihedralTransform
{
    /// <summary>The image as given.</summary>
    Original = 0,

    /// <summary>Rotated by 90 degrees.</summary>
    Rotate90 = 1,

    /// <summary>Rotated by 180 degrees.</summary>
    Rotate180 = 2,

    /// <summary>Rotated by 270 degrees.</summary>
    Rotate270 = 3,

    /// <summary>Mirrored top to bottom.</summary>
    FlipX = 4,

    /// <summary>Mirrored left to right.</summary>
    FlipY = 5,

    /// <summary>Mirrored about the main diagonal (transposed).</summary>
    FlipPlus1 = 6,

    /// <summary>Mirrored about the anti-diagonal.</summary>
    FlipMinus1 = 7,
}
