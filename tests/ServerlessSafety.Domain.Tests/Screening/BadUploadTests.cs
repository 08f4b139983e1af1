using System.Buffers.Binary;
using ServerlessSafety.Domain.Screening;
using ServerlessSafety.Signals.Hashing;

namespace ServerlessSafety.Domain.Tests.Screening;

/// <summary>Every kind of bad upload ends in a recorded verdict with its reason, held in quarantine by default; none throws.</summary>
public sealed class BadUploadTests
{
    public static TheoryData<string, byte[], UnhashableReason[]> BadUploads()
    {
        var png = TestImages.Textured(9);
        var corruptHeader = (byte[])png.Clone();
        corruptHeader[20] ^= 0xFF;
        return new()
        {
            { "zero bytes", [], [UnhashableReason.Empty] },
            { "not an image", "plain text, not pixels"u8.ToArray(), [UnhashableReason.UnsupportedFormat] },
            { "truncated", png[..(png.Length / 2)], [UnhashableReason.Corrupt] },
            { "corrupt header", corruptHeader, [UnhashableReason.Corrupt, UnhashableReason.UnsupportedFormat] },
            { "decompression bomb", Bomb(), [UnhashableReason.TooManyPixels] },
        };
    }

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task ScreenAsync_BadUpload_UnhashableWithReason_HeldInQuarantine(string kind, byte[] content, UnhashableReason[] reasons)
    {
        using var harness = new ScreeningHarness();
        await harness.UploadAsync("bad", content);

        var record = await harness.Screening.ScreenAsync("bad");

        Assert.Equal(ScreeningResult.Unhashable, record!.Result);
        Assert.Contains(record.UnhashableReason, reasons.Select(r => r.ToString()));
        Assert.True(harness.Holds(ScreeningHarness.InQuarantine("bad")), kind);
        Assert.False(harness.Holds(ScreeningHarness.InUploads("bad")), kind);
        Assert.Equal(content.Length, record.Hashes.Length);
        Assert.Null(record.CaseId);
        Assert.Empty(harness.Queue.Sent);
    }

    [Fact]
    public async Task ScreenAsync_OverSize_UnhashableWithoutReadingIt()
    {
        using var harness = new ScreeningHarness(new ScreeningOptions { MaxUploadBytes = 1024 });
        await harness.UploadAsync("big.png", TestImages.Textured(10, size: 256));

        var record = await harness.Screening.ScreenAsync("big.png");

        Assert.Equal(ScreeningResult.Unhashable, record!.Result);
        Assert.Equal(nameof(UnhashableReason.TooManyBytes), record.UnhashableReason);
        Assert.Null(record.Hashes.Sha256);
        Assert.True(harness.Holds(ScreeningHarness.InQuarantine("big.png")));
    }

    [Fact]
    public async Task ScreenAsync_PublishPolicy_UnhashableUploadStaysPublic()
    {
        using var harness = new ScreeningHarness(new ScreeningOptions { Unhashable = UnhashableHandling.Publish });
        await harness.UploadAsync("doc.txt", "not an image"u8.ToArray(), "text/plain");

        var record = await harness.Screening.ScreenAsync("doc.txt");

        Assert.Equal(ScreeningResult.Unhashable, record!.Result);
        Assert.Null(record.HeldAt);
        Assert.True(harness.Holds(ScreeningHarness.InUploads("doc.txt")));
    }

    [Fact]
    public async Task ScreenAsync_GifWithTenThousandFrames_RecordedFromItsFirstFrameAtMost()
    {
        using var harness = new ScreeningHarness();
        var gif = TestImages.ManyFrameGif(10_000);
        await harness.UploadAsync("anim.gif", gif, "image/gif");

        var record = await harness.Screening.ScreenAsync("anim.gif");

        // One 1x1 frame is hashed (a flat image, so it is below the quality floor) or refused; never all 10,000 decoded.
        Assert.NotNull(record);
        Assert.Contains(record.Result, new[] { ScreeningResult.Clean, ScreeningResult.Unhashable });
        Assert.Equal(gif.Length, record.Hashes.Length);
        Assert.NotNull(record.Hashes.Sha256);
    }

    private static byte[] Bomb()
    {
        // A valid 1x1 PNG whose header then claims 100000 x 100000 pixels, with its header CRC fixed up.
        var png = TestImages.Flat(0, size: 1);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 100_000);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
