using ServerlessSafety.Signals.Hashing;
using ServerlessSafety.Signals.Hashing.Pdq;
using ServerlessSafety.Signals.Signals;
using Xunit.Abstractions;

namespace ServerlessSafety.Signals.Tests.Hashing;

public sealed class PdqHasherReferenceTests(ITestOutputHelper output)
{
    private readonly PdqHasher _hasher = new();

    [SkippableFact]
    public void HashImage_ReferenceImagesOfQuality80OrMore_Within10Bits()
    {
        Skip.If(PdqReferenceImages.Directory is null, PdqReferenceImages.MissingMessage);
        var distances = new List<int>();
        foreach (var row in PdqReferenceImages.Rows)
        {
            var result = _hasher.HashImage(File.ReadAllBytes(PdqReferenceImages.PathOf(row.File)));
            var distance = result.Hash.DistanceTo(PdqHash.Parse(row.Pdq));
            output.WriteLine($"{row.File,-34} d={distance,3} q={result.Quality,3} (ref {row.Quality,3})");
            if (row.Quality >= 80)
            {
                distances.Add(distance);
                Assert.True(distance <= 10, $"{row.File}: {distance} bits from the reference");
            }
        }

        distances.Sort();
        output.WriteLine(
            $"quality>=80: n={distances.Count} max={distances[^1]} median={distances[distances.Count / 2]} exact={distances.Count(d => d == 0)}");
    }

    [SkippableFact]
    public void HashImage_LosslessImages_MatchReferenceBitForBit()
    {
        Skip.If(PdqReferenceImages.Directory is null, PdqReferenceImages.MissingMessage);
        var lossless = PdqReferenceImages.Rows.Where(r => r.File.StartsWith("lossless/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lossless);
        foreach (var row in lossless)
        {
            var result = _hasher.HashImage(File.ReadAllBytes(PdqReferenceImages.PathOf(row.File)));
            Assert.Equal(row.Pdq, result.Hash.ToString());
            Assert.Equal(row.Quality, result.Quality);
        }
    }

    [SkippableFact]
    public void HashImage_ReferenceImages_QualityWithin5OfReference()
    {
        Skip.If(PdqReferenceImages.Directory is null, PdqReferenceImages.MissingMessage);
        foreach (var row in PdqReferenceImages.Rows)
        {
            var result = _hasher.HashImage(File.ReadAllBytes(PdqReferenceImages.PathOf(row.File)));
            Assert.True(Math.Abs(result.Quality - row.Quality) <= 5, $"{row.File}: quality {result.Quality}, reference {row.Quality}");
        }
    }

    [SkippableFact]
    public void DigestHashers_ReferenceImages_EqualReferenceMd5AndSha256()
    {
        Skip.If(PdqReferenceImages.Directory is null, PdqReferenceImages.MissingMessage);
        foreach (var row in PdqReferenceImages.Rows)
        {
            var bytes = File.ReadAllBytes(PdqReferenceImages.PathOf(row.File));
            Assert.Equal(row.Md5, new Md5Hasher().Hash(bytes).Value);
            Assert.Equal(row.Sha256, new Sha256Hasher().Hash(bytes).Value);
        }
    }

    [SkippableTheory]
    [InlineData(PdqDownscale.ReferenceSquash512, 20)]
    [InlineData(PdqDownscale.FullResolution, 10)]
    public void HashImage_DihedralFormsOfBridge_EachFoundAmongVariantsOfOriginal(PdqDownscale downscale, int bound)
    {
        Skip.If(PdqReferenceImages.Directory is null, PdqReferenceImages.MissingMessage);
        var hasher = new PdqHasher(new PdqHasherOptions { Downscale = downscale });
        var original = hasher.HashImage(File.ReadAllBytes(PdqReferenceImages.PathOf("dih/bridge-1-original.jpg")));
        var forms = PdqReferenceImages.Rows.Where(r => r.File.StartsWith("dih/", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, forms.Count);
        var matched = new HashSet<DihedralTransform>();
        foreach (var row in forms)
        {
            var form = hasher.HashImage(File.ReadAllBytes(PdqReferenceImages.PathOf(row.File))).Hash;
            var best = Enum.GetValues<DihedralTransform>().MinBy(t => original.Variant(t).DistanceTo(form));
            var distance = original.Variant(best).DistanceTo(form);
            output.WriteLine($"{row.File,-32} closest variant {best,-10} d={distance}");
            Assert.True(distance <= bound, $"{row.File}: closest variant {best} is {distance} bits away");
            matched.Add(best);
        }

        Assert.Equal(8, matched.Count);
    }
}
