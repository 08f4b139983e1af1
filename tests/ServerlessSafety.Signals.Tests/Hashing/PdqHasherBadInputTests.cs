using ServerlessSafety.Signals.Hashing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace ServerlessSafety.Signals.Tests.Hashing;

public sealed class PdqHasherBadInputTests
{
    private readonly PdqHasher _hasher = new();

    [Fact]
    public void HashImage_ZeroBytes_Empty() => AssertUnhashable([], UnhashableReason.Empty);

    [Fact]
    public void HashImage_Text_UnsupportedFormat() =>
        AssertUnhashable("this is not an image at all"u8.ToArray(), UnhashableReason.UnsupportedFormat);

    [Fact]
    public void HashImage_OverByteLimit_TooManyBytes()
    {
        var hasher = new PdqHasher(new PdqHasherOptions { MaxContentBytes = 100 });
        var error = Assert.Throws<UnhashableContentException>(() => hasher.HashImage(Png(64, 64)));
        Assert.Equal(UnhashableReason.TooManyBytes, error.Reason);
    }

    [Fact]
    public void HashImage_TruncatedPng_Corrupt()
    {
        var png = Png(200, 200);
        AssertUnhashable(png[..(png.Length / 2)], UnhashableReason.Corrupt);
    }

    [Fact]
    public void HashImage_CorruptHeader_Corrupt()
    {
        var png = Png(64, 64);
        png[20] ^= 0xFF; // inside the IHDR width: the chunk's CRC no longer matches
        var error = Assert.Throws<UnhashableContentException>(() => _hasher.HashImage(png));
        Assert.True(error.Reason is UnhashableReason.Corrupt or UnhashableReason.UnsupportedFormat, error.Reason.ToString());
    }

    [Fact]
    public void HashImage_HeaderClaimingHugeDimensions_RefusedBeforeDecoding()
    {
        // A valid PNG header saying 100000 x 100000 (10 gigapixels) with almost no data: a decompression bomb shape.
        var png = Png(1, 1);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 100_000);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 100_000);
        var crc = PngCrc32.Compute(png.AsSpan(12, 17));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), crc);
        AssertUnhashable(png, UnhashableReason.TooManyPixels);
    }

    [Fact]
    public void HashImage_AnimatedGifWithManyFrames_HashesFirstFrameOnly()
    {
        using var animation = new Image<Rgb24>(32, 32, new Rgb24(10, 200, 30));
        for (var i = 0; i < 300; i++)
        {
            using var frame = new Image<Rgb24>(32, 32, new Rgb24((byte)i, 0, 0));
            animation.Frames.AddFrame(frame.Frames.RootFrame);
        }

        using var stream = new MemoryStream();
        animation.SaveAsGif(stream, new GifEncoder());
        using var first = new Image<Rgb24>(32, 32, new Rgb24(10, 200, 30));
        using var firstStream = new MemoryStream();
        first.SaveAsGif(firstStream);

        Assert.Equal(_hasher.HashImage(firstStream.ToArray()).Hash, _hasher.HashImage(stream.ToArray()).Hash);
    }

    [Fact]
    public void HashImage_TinyImage_ZeroHashQualityZeroLikeReference()
    {
        var result = _hasher.HashImage(Png(4, 4));
        Assert.Equal(0, result.Quality);
        Assert.Equal(0, result.Hash.PopCount);
    }

    [Fact]
    public async Task HashImageAsync_StreamOverLimit_TooManyBytesWithoutReadingItAll()
    {
        var hasher = new PdqHasher(new PdqHasherOptions { MaxContentBytes = 1000 });
        var error = await Assert.ThrowsAsync<UnhashableContentException>(() => hasher.HashImageAsync(new MemoryStream(new byte[5000])));
        Assert.Equal(UnhashableReason.TooManyBytes, error.Reason);
    }

    private void AssertUnhashable(byte[] content, UnhashableReason reason)
    {
        var error = Assert.Throws<UnhashableContentException>(() => _hasher.HashImage(content));
        Assert.Equal(reason, error.Reason);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    private static byte[] Png(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new Rgb24((byte)(x * 7), (byte)(y * 3), (byte)((x + y) * 5));
            }
        }

        using var stream = new MemoryStream();
        image.SaveAsPng(stream, new PngEncoder());
        return stream.ToArray();
    }
}
