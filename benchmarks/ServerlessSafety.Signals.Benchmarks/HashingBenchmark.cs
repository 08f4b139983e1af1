using System.Globalization;
using ServerlessSafety.Signals.Hashing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ServerlessSafety.Signals.Benchmarks;

/// <summary>PDQ hashing of 0.3, 1 and 12 MP JPEGs against decoding alone with the same library.</summary>
internal static class HashingBenchmark
{
    public static int Run(string[] args)
    {
        var source = args[0];
        var outDir = args[1];
        Directory.CreateDirectory(outDir);
        var hasher = new PdqHasher();
        Console.WriteLine("image,megapixels,decode_ms_p50,pdq_ms_p50,ratio,images_per_s");
        foreach (var (w, h) in new[] { (640, 480), (1280, 800), (4000, 3000) })
        {
            var path = Path.Combine(outDir, $"bench-{w}x{h}.jpg");
            using (var image = Image.Load<Rgb24>(source))
            {
                image.Mutate(x => x.Resize(w, h));
                image.SaveAsJpeg(path, new JpegEncoder { Quality = 90 });
            }

            var bytes = File.ReadAllBytes(path);
            var times = w * h > 5_000_000 ? 15 : 40;
            var decode = Timing.Repeat(times, () =>
            {
                using var image = Image.Load<Rgb24>(bytes);
            });
            var pdq = Timing.Repeat(times, () => hasher.HashImage(bytes));
            var d = Timing.Percentile(decode, 0.5);
            var p = Timing.Percentile(pdq, 0.5);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"{Path.GetFileName(path)},{w * h / 1e6:F2},{d:F1},{p:F1},{p / d:F2},{1000 / p:F1}"));
        }

        return 0;
    }
}
