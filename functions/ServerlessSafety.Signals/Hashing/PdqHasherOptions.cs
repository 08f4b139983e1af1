namespace ServerlessSafety.Signals.Hashing;

/// <summary>Limits and the downscaling rule of <see cref="PdqHasher"/>.</summary>
public sealed class PdqHasherOptions
{
    /// <summary>Largest input accepted, in bytes. Default 50 MiB.</summary>
    public long MaxContentBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>
    /// Largest width times height decoded, checked from the header before any pixel is decoded (a decompression
    /// bomb is refused, not decoded). Default 100 megapixels: a decoded frame costs 3 bytes per pixel.
    /// </summary>
    public long MaxPixels { get; init; } = 100_000_000;

    /// <summary>How images over 512 px are downscaled. Default <see cref="PdqDownscale.ReferenceSquash512"/>.</summary>
    public PdqDownscale Downscale { get; init; } = PdqDownscale.ReferenceSquash512;
}
