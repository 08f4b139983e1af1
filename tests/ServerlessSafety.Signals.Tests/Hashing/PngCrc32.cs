namespace ServerlessSafety.Signals.Tests.Hashing;

/// <summary>PNG's CRC-32, so a test can forge a header that passes the chunk check.</summary>
internal static class PngCrc32
{
    public static uint Compute(ReadOnlySpan<byte> data)
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
