using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Signals.Hashing.Pdq;

/// <summary>
/// The PDQ steps after downsampling: quality from gradients of the 64x64, the 16x16 low-frequency DCT, the eight
/// dihedral forms of that DCT, and median thresholding into bits.
/// </summary>
internal static class PdqTransform
{
    public const int Side = 64;
    public const int DctSide = 16;
    private const int Cells = DctSide * DctSide;

    // Row i is DCT-II basis i+1 over 64 samples; basis 0 (the mean) carries no structure and is skipped.
    // Computed in double and stored as float, scaled by a float sqrt(2/64), as the reference does.
    private static readonly float[] _dctMatrix = BuildDctMatrix();

    /// <summary>PDQ quality, 0..100: the sum of quantized neighbour differences, scaled.</summary>
    public static int Quality(ReadOnlySpan<float> block64)
    {
        var gradientSum = 0;
        for (var i = 0; i < Side - 1; i++)
        {
            for (var j = 0; j < Side; j++)
            {
                gradientSum += QuantizedDifference(block64[(i * Side) + j], block64[((i + 1) * Side) + j]);
            }
        }

        for (var i = 0; i < Side; i++)
        {
            for (var j = 0; j < Side - 1; j++)
            {
                gradientSum += QuantizedDifference(block64[(i * Side) + j], block64[(i * Side) + j + 1]);
            }
        }

        return Math.Min(gradientSum / 90, 100);
    }

    /// <summary>The 16x16 coefficients D A Dᵀ of the 64x64 block, row-major.</summary>
    public static void Dct(ReadOnlySpan<float> block64, Span<float> dct16)
    {
        Span<float> partial = stackalloc float[DctSide * Side];
        var d = _dctMatrix;

        // partial = D A; accumulate k in order for every (i, j), as the reference does, so results match bit for bit.
        for (var i = 0; i < DctSide; i++)
        {
            for (var j = 0; j < Side; j++)
            {
                var sum = 0.0f;
                for (var k = 0; k < Side; k++)
                {
                    sum += d[(i * Side) + k] * block64[(k * Side) + j];
                }

                partial[(i * Side) + j] = sum;
            }
        }

        for (var i = 0; i < DctSide; i++)
        {
            for (var j = 0; j < DctSide; j++)
            {
                var sum = 0.0f;
                for (var k = 0; k < Side; k++)
                {
                    sum += partial[(i * Side) + k] * d[(j * Side) + k];
                }

                dct16[(i * DctSide) + j] = sum;
            }
        }
    }

    /// <summary>
    /// Writes the DCT of the image under <paramref name="variant"/>: each dihedral transform of the image is a sign
    /// pattern on the coefficients (odd-index basis functions are antisymmetric), plus a transpose for the four that
    /// swap axes.
    /// </summary>
    public static void ApplyDihedral(ReadOnlySpan<float> dct16, Span<float> output, DihedralTransform variant)
    {
        for (var i = 0; i < DctSide; i++)
        {
            for (var j = 0; j < DctSide; j++)
            {
                var value = dct16[(i * DctSide) + j];
                var negate = variant switch
                {
                    DihedralTransform.Original or DihedralTransform.FlipPlus1 => false,
                    DihedralTransform.Rotate90 => (j & 1) == 0,
                    DihedralTransform.Rotate270 or DihedralTransform.FlipX => (i & 1) == 0,
                    DihedralTransform.FlipY => (j & 1) == 0,
                    _ => ((i + j) & 1) != 0, // Rotate180, FlipMinus1
                };
                var transpose = variant is DihedralTransform.Rotate90 or DihedralTransform.Rotate270
                    or DihedralTransform.FlipPlus1 or DihedralTransform.FlipMinus1;
                var target = transpose ? (j * DctSide) + i : (i * DctSide) + j;
                output[target] = negate ? -value : value;
            }
        }
    }

    /// <summary>Bit 16 i + j is set when coefficient (i, j) is above the median (the lower of the middle two).</summary>
    public static PdqHash ToBits(ReadOnlySpan<float> dct16)
    {
        Span<float> sorted = stackalloc float[Cells];
        dct16.CopyTo(sorted);
        sorted.Sort();
        var median = sorted[(Cells / 2) - 1];

        Span<ulong> words = stackalloc ulong[4];
        for (var k = 0; k < Cells; k++)
        {
            if (dct16[k] > median)
            {
                words[k >> 6] |= 1UL << (k & 63);
            }
        }

        return new PdqHash(words[0], words[1], words[2], words[3]);
    }

    private static int QuantizedDifference(float u, float v)
    {
        var d = (int)((u - v) * 100 / 255);
        return Math.Abs(d);
    }

    private static float[] BuildDctMatrix()
    {
        var matrix = new float[DctSide * Side];
        var scale = (float)Math.Sqrt(2.0 / Side);
        for (var i = 0; i < DctSide; i++)
        {
            for (var j = 0; j < Side; j++)
            {
                matrix[(i * Side) + j] = (float)(scale * Math.Cos(Math.PI / 2.0 / Side * (i + 1) * ((2 * j) + 1)));
            }
        }

        return matrix;
    }
}
