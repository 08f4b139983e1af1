namespace ServerlessSafety.Domain.Reports;

/// <summary>Recognizes the image types accepted as evidence by their first bytes, never by the name or header.</summary>
public static class EvidenceMediaType
{
    /// <summary>The media type of <paramref name="content"/>, or null when it is not an accepted image.</summary>
    public static string? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        if (content.StartsWith("BM"u8))
        {
            return "image/bmp";
        }

        return null;
    }
}
