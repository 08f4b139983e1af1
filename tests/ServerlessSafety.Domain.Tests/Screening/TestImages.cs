using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ServerlessSafety.Domain.Tests.Screening;

/// <summary>Images made in the test: textured enough for a high PDQ quality, different per seed.</summary>
public static class TestImages
{
    public static byte[] Textured(int seed, int size = 128, bool mirrored = false)
    {
        var random = new Random(seed);
        using var image = new Image<Rgb24>(size, size);
        var blocks = new byte[8, 8];
        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 8; x++)
            {
                blocks[y, x] = (byte)random.Next(256);
            }
        }

        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var v = blocks[y * 8 / size, x * 8 / size];
                    row[x] = new Rgb24(v, (byte)(255 - v), (byte)((x * 255) / size));
                }
            }
        });
        if (mirrored)
        {
            image.Mutate(m => m.Flip(FlipMode.Horizontal));
        }

        return Png(image);
    }

    public static byte[] Flat(byte gray, int size = 64)
    {
        using var image = new Image<Rgb24>(size, size, new Rgb24(gray, gray, gray));
        return Png(image);
    }

    /// <summary>A GIF of <paramref name="frames"/> 1x1 frames, written by hand so it costs a few bytes a frame.</summary>
    public static byte[] ManyFrameGif(int frames)
    {
        using var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        gif.Write([1, 0, 1, 0, 0x80, 0, 0]); // 1x1 screen, a global table of two colours
        gif.Write([0, 0, 0, 255, 255, 255]);
        for (var i = 0; i < frames; i++)
        {
            gif.Write([0x21, 0xF9, 4, 0, 1, 0, 0, 0]); // graphic control: 10 ms a frame
            gif.Write([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0]); // a 1x1 image at 0,0
            gif.Write([2, 2, 0x44, 0x01, 0]); // LZW: clear, colour 0, end
        }

        gif.WriteByte(0x3B);
        return gif.ToArray();
    }

    private static byte[] Png(Image image)
    {
        using var stream = new MemoryStream();
        image.Save(stream, new PngEncoder());
        return stream.ToArray();
    }
}
