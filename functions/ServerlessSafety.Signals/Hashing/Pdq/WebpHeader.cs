namespace ServerlessSafety.Signals.Hashing.Pdq;

/// <summary>Reads the one flag ImageSharp 2.x does not let us act on: whether a WebP file is animated.</summary>
internal static class WebpHeader
{
    private const int FlagsOffset = 20;
    private const byte AnimationFlag = 0x02;

    // RIFF....WEBPVP8X then a flags byte: the extended header that animated files must carry.
    public static bool IsAnimated(ReadOnlySpan<byte> content) =>
        content.Length > FlagsOffset
        && content[..4].SequenceEqual("RIFF"u8)
        && content[8..12].SequenceEqual("WEBP"u8)
        && content[12..16].SequenceEqual("VP8X"u8)
        && (content[FlagsOffset] & AnimationFlag) != 0;
}
