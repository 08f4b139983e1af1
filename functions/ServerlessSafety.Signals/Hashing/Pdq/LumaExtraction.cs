using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ServerlessSafety.Signals.Hashing.Pdq;

/// <summary>Turns decoded RGB into the float luma plane PDQ filters, squashing large images the way the reference tool does.</summary>
internal static class LumaExtraction
{
    public const int ReferenceMaxSide = 512;

    private const float RedWeight = 0.299f;
    private const float GreenWeight = 0.587f;
    private const float BlueWeight = 0.114f;

    /// <summary>Size of the luma plane for an image of <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static (int Rows, int Cols) PlaneSize(int width, int height, PdqDownscale downscale) =>
        downscale == PdqDownscale.ReferenceSquash512 && (width > ReferenceMaxSide || height > ReferenceMaxSide)
            ? (ReferenceMaxSide, ReferenceMaxSide)
            : (height, width);

    /// <summary>
    /// Fills <paramref name="luma"/> (rows x cols, row-major). Source pixel for target (y, x) is
    /// (floor(y H / rows), floor(x W / cols)): nearest-neighbour sampling as CImg's resize does.
    /// </summary>
    /// <remarks>
    /// The reference decodes through ImageMagick, which writes a grey image as a one-channel PGM whose value is used
    /// as luma unchanged; for an all-grey image we therefore use the grey value rather than the weighted sum, which
    /// can differ from it in the last float bit.
    /// </remarks>
    public static void Fill(Image<Rgb24> image, float[] luma, int rows, int cols)
    {
        var width = image.Width;
        var height = image.Height;
        var columnSource = new int[cols];
        for (var x = 0; x < cols; x++)
        {
            columnSource[x] = cols == width ? x : (int)((double)x * width / cols);
        }

        var allGrey = true;
        image.ProcessPixelRows(pixels =>
        {
            for (var y = 0; y < rows; y++)
            {
                var sourceRow = rows == height ? y : (int)((double)y * height / rows);
                var row = pixels.GetRowSpan(sourceRow);
                var target = luma.AsSpan(y * cols, cols);
                for (var x = 0; x < cols; x++)
                {
                    var p = row[columnSource[x]];
                    allGrey &= p.R == p.G && p.G == p.B;
                    target[x] = (RedWeight * p.R) + (GreenWeight * p.G) + (BlueWeight * p.B);
                }
            }

            if (!allGrey)
            {
                return;
            }

            for (var y = 0; y < rows; y++)
            {
                var sourceRow = rows == height ? y : (int)((double)y * height / rows);
                var row = pixels.GetRowSpan(sourceRow);
                var target = luma.AsSpan(y * cols, cols);
                for (var x = 0; x < cols; x++)
                {
                    target[x] = row[columnSource[x]].R;
                }
            }
        });
    }
}
