using ServerlessSafety.Signals.Hashing.Pdq;
using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Signals.Hashing;

/// <summary>The PDQ hash of an image, its quality and the hashes of its seven other dihedral forms.</summary>
public sealed class PdqHashResult
{
    private readonly PdqHash[] _variants;

    internal PdqHashResult(PdqHash[] variants, int quality, int width, int height)
    {
        _variants = variants;
        Quality = quality;
        Width = width;
        Height = height;
    }

    /// <summary>The hash of the image as given.</summary>
    public PdqHash Hash => _variants[(int)DihedralTransform.Original];

    /// <summary>PDQ quality 0..100; below <see cref="PdqSignal.MinimumUsefulQuality"/> the hash should not be matched on.</summary>
    public int Quality { get; }

    /// <summary>Decoded width in pixels.</summary>
    public int Width { get; }

    /// <summary>Decoded height in pixels.</summary>
    public int Height { get; }

    /// <summary>All eight hashes, indexed by <see cref="DihedralTransform"/>; query an index with each to find rotated or mirrored copies.</summary>
    public IReadOnlyList<PdqHash> Variants => _variants;

    /// <summary>The hash the image would have after <paramref name="transform"/>.</summary>
    public PdqHash Variant(DihedralTransform transform) => _variants[(int)transform];
}
