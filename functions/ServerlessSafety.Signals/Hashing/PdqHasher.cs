using System.Buffers;
using ServerlessSafety.Signals.Hashing.Pdq;
using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Signals.Hashing;

/// <summary>
/// PDQ, Meta's perceptual image hash: luma, Jarosz box-filter downsampling to 64x64, the 16x16 low-frequency DCT,
/// and one bit per coefficient above the median. One pass yields the hash, its quality and all eight dihedral variants.
/// </summary>
/// <remarks>
/// Decodes JPEG, PNG, GIF (first frame), BMP and still WebP with ImageSharp. Images with a side over 512 px are
/// squashed to 512x512 by nearest-neighbour sampling first, as Meta's C++ tool does (see <see cref="PdqDownscale"/>).
/// Thread-safe; buffers are pooled.
/// </remarks>
public sealed class PdqHasher : ISignalHasher
{
    // Below this side the reference gives up and reports the zero hash with quality 0.
    private const int MinimumSide = 5;

    private readonly PdqHasherOptions _options;

    /// <summary>Creates a hasher with <paramref name="options"/> (defaults when null).</summary>
    public PdqHasher(PdqHasherOptions? options = null) => _options = options ?? new PdqHasherOptions();

    /// <inheritdoc />
    public ISignalType SignalType => PdqSignal.Instance;

    /// <inheritdoc />
    public SignalHash Hash(ReadOnlySpan<byte> content)
    {
        var result = HashImage(content);
        return new SignalHash(PdqSignal.Instance, result.Hash.ToString(), result.Quality);
    }

    /// <inheritdoc />
    public async Task<SignalHash> HashAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var result = await HashImageAsync(content, cancellationToken).ConfigureAwait(false);
        return new SignalHash(PdqSignal.Instance, result.Hash.ToString(), result.Quality);
    }

    /// <summary>Hashes an encoded image: the hash, its quality and the eight dihedral variants.</summary>
    /// <exception cref="UnhashableContentException">Empty, over a limit, not a supported image, or corrupt.</exception>
    public PdqHashResult HashImage(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            throw new UnhashableContentException(UnhashableReason.Empty, "The content is empty.");
        }

        if (content.Length > _options.MaxContentBytes)
        {
            throw new UnhashableContentException(
                UnhashableReason.TooManyBytes,
                $"The content is {content.Length} bytes, over the limit of {_options.MaxContentBytes}.");
        }

        using var image = ImageDecoding.Decode(content, _options.MaxPixels);
        var (rows, cols) = LumaExtraction.PlaneSize(image.Width, image.Height, _options.Downscale);
        var luma = ArrayPool<float>.Shared.Rent(rows * cols);
        try
        {
            LumaExtraction.Fill(image, luma, rows, cols);
            return HashLumaInPlace(luma, rows, cols, image.Width, image.Height);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(luma);
        }
    }

    /// <summary>Reads the stream (up to the byte limit) and hashes it as <see cref="HashImage(ReadOnlySpan{byte})"/>.</summary>
    /// <exception cref="UnhashableContentException">Empty, over a limit, not a supported image, or corrupt.</exception>
    public async Task<PdqHashResult> HashImageAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bytes = await BoundedRead.ReadAllAsync(content, _options.MaxContentBytes, cancellationToken).ConfigureAwait(false);
        return HashImage(bytes.Span);
    }

    /// <summary>
    /// Hashes a luma plane (rows x cols, row-major, 0..255) directly, for callers with their own decoder or frames
    /// already downsampled. No resizing is applied.
    /// </summary>
    public static PdqHashResult HashLuma(ReadOnlySpan<float> luma, int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cols);
        if (luma.Length != rows * cols)
        {
            throw new ArgumentException($"Expected {rows * cols} luma values, got {luma.Length}.", nameof(luma));
        }

        var copy = ArrayPool<float>.Shared.Rent(rows * cols);
        try
        {
            luma.CopyTo(copy);
            return HashLumaInPlace(copy, rows, cols, cols, rows);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(copy);
        }
    }

    private static PdqHashResult HashLumaInPlace(float[] luma, int rows, int cols, int width, int height)
    {
        var variants = new PdqHash[8];
        if (rows < MinimumSide || cols < MinimumSide)
        {
            return new PdqHashResult(variants, 0, width, height);
        }

        Span<float> block64 = stackalloc float[PdqTransform.Side * PdqTransform.Side];
        var scratch = ArrayPool<float>.Shared.Rent(rows * cols);
        try
        {
            JaroszFilter.Blur(
                luma,
                scratch,
                rows,
                cols,
                JaroszFilter.WindowSize(cols, PdqTransform.Side),
                JaroszFilter.WindowSize(rows, PdqTransform.Side));
            JaroszFilter.Decimate(luma, rows, cols, block64, PdqTransform.Side, PdqTransform.Side);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }

        var quality = PdqTransform.Quality(block64);
        Span<float> dct = stackalloc float[PdqTransform.DctSide * PdqTransform.DctSide];
        Span<float> transformed = stackalloc float[PdqTransform.DctSide * PdqTransform.DctSide];
        PdqTransform.Dct(block64, dct);
        for (var v = 0; v < variants.Length; v++)
        {
            PdqTransform.ApplyDihedral(dct, transformed, (DihedralTransform)v);
            variants[v] = PdqTransform.ToBits(transformed);
        }

        return new PdqHashResult(variants, quality, width, height);
    }
}
