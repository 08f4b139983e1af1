namespace ServerlessSafety.Signals.Hashing.Pdq;

/// <summary>
/// PDQ's blur-and-decimate downsampler: repeated 1-D box filters along rows and columns (two passes approximate a tent
/// filter), then sampling at the centres of the target grid.
/// </summary>
/// <remarks>
/// The arithmetic follows the reference order (single-precision running sums, add before subtract, divide by the
/// current window) so that the same luma gives the same 64x64 bit for bit.
/// </remarks>
internal static class JaroszFilter
{
    public const int PassCount = 2;

    /// <summary>Window per pass: half of one target cell, rounded up, so two passes cover a whole cell.</summary>
    public static int WindowSize(int oldDimension, int newDimension) =>
        (oldDimension + (2 * newDimension) - 1) / (2 * newDimension);

    /// <summary>Filters <paramref name="image"/> in place, using <paramref name="scratch"/> of the same size.</summary>
    public static void Blur(float[] image, float[] scratch, int rows, int cols, int windowAlongRows, int windowAlongCols)
    {
        for (var pass = 0; pass < PassCount; pass++)
        {
            for (var i = 0; i < rows; i++)
            {
                Box1D(image, scratch, i * cols, cols, 1, windowAlongRows);
            }

            for (var j = 0; j < cols; j++)
            {
                Box1D(scratch, image, j, rows, cols, windowAlongCols);
            }
        }
    }

    /// <summary>Samples <paramref name="image"/> at the centres of a <paramref name="outRows"/> x <paramref name="outCols"/> grid.</summary>
    public static void Decimate(float[] image, int rows, int cols, Span<float> output, int outRows, int outCols)
    {
        for (var oi = 0; oi < outRows; oi++)
        {
            var ii = (int)((oi + 0.5) * rows / outRows);
            for (var oj = 0; oj < outCols; oj++)
            {
                var ij = (int)((oj + 0.5) * cols / outCols);
                output[(oi * outCols) + oj] = image[(ii * cols) + ij];
            }
        }
    }

    // A centred moving average whose window shrinks at the two ends instead of padding.
    private static void Box1D(float[] input, float[] output, int start, int length, int stride, int window)
    {
        var half = (window + 2) / 2;
        var leadIn = half - 1;
        var growing = window - half + 1;
        var full = length - window;
        var shrinking = half - 1;

        var left = start;
        var right = start;
        var write = start;
        var sum = 0.0f;
        var count = 0;

        for (var n = 0; n < leadIn; n++)
        {
            sum += input[right];
            count++;
            right += stride;
        }

        for (var n = 0; n < growing; n++)
        {
            sum += input[right];
            count++;
            output[write] = sum / count;
            right += stride;
            write += stride;
        }

        for (var n = 0; n < full; n++)
        {
            sum += input[right];
            sum -= input[left];
            output[write] = sum / count;
            left += stride;
            right += stride;
            write += stride;
        }

        for (var n = 0; n < shrinking; n++)
        {
            sum -= input[left];
            count--;
            output[write] = sum / count;
            left += stride;
            write += stride;
        }
    }
}
