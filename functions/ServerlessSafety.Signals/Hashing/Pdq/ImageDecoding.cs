using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;

namespace ServerlessSafety.Signals.Hashing.Pdq;

/// <summary>Decodes the accepted formats to RGB within the pixel limit, turning every decoder failure into a typed error.</summary>
internal static class ImageDecoding
{
    // Only the five accepted formats are registered, so TGA, TIFF and the rest are "unsupported" rather than decoded.
    private static readonly Configuration _configuration = BuildConfiguration();

    public static unsafe Image<Rgb24> Decode(ReadOnlySpan<byte> content, long maxPixels)
    {
        if (WebpHeader.IsAnimated(content))
        {
            throw new UnhashableContentException(
                UnhashableReason.UnsupportedFormat, "Animated WebP is not hashed: the decoder would decode every frame.");
        }

        // A read-only stream over the caller's bytes: ImageSharp 2.x identifies only from streams or arrays.
        fixed (byte* start = content)
        {
            using var stream = new UnmanagedMemoryStream(start, content.Length);
            return Decode(stream, maxPixels);
        }
    }

    private static Image<Rgb24> Decode(UnmanagedMemoryStream content, long maxPixels)
    {
        IImageInfo? info;
        try
        {
            info = Image.Identify(_configuration, content);
        }
        catch (Exception ex) when (IsDecoderFailure(ex))
        {
            throw new UnhashableContentException(UnhashableReason.Corrupt, $"The image header cannot be read: {ex.Message}", ex);
        }

        if (info is null)
        {
            throw new UnhashableContentException(
                UnhashableReason.UnsupportedFormat, "Not a JPEG, PNG, GIF, BMP or WebP image.");
        }

        if (info.Width <= 0 || info.Height <= 0)
        {
            throw new UnhashableContentException(
                UnhashableReason.Corrupt, $"The image header gives a size of {info.Width}x{info.Height}.");
        }

        if ((long)info.Width * info.Height > maxPixels)
        {
            throw new UnhashableContentException(
                UnhashableReason.TooManyPixels,
                $"The image is {info.Width}x{info.Height}, over the limit of {maxPixels} pixels.");
        }

        try
        {
            content.Position = 0;
            return Image.Load<Rgb24>(_configuration, content);
        }
        catch (Exception ex) when (IsDecoderFailure(ex))
        {
            throw new UnhashableContentException(UnhashableReason.Corrupt, $"The image cannot be decoded: {ex.Message}", ex);
        }
    }

    private static bool IsDecoderFailure(Exception ex) =>
        ex is ImageFormatException or NotSupportedException or InvalidDataException or IndexOutOfRangeException
            or ArgumentException or InvalidOperationException or EndOfStreamException or OverflowException;

    private static Configuration BuildConfiguration()
    {
        var configuration = new Configuration(
            new JpegConfigurationModule(),
            new PngConfigurationModule(),
            new GifConfigurationModule(),
            new BmpConfigurationModule(),
            new WebpConfigurationModule());

        // An animated GIF is hashed by its first frame; decoding the rest would let 10,000 frames exhaust memory.
        configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First });
        return configuration;
    }
}
