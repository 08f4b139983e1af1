using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Signals.Tests.Indexing;

internal static class RandomHashes
{
    public static PdqHash Next(Random random) =>
        new((ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64());

    /// <summary>A hash exactly <paramref name="distance"/> bits from <paramref name="origin"/>.</summary>
    public static PdqHash AtDistance(Random random, PdqHash origin, int distance)
    {
        var bits = Enumerable.Range(0, PdqHash.BitCount).OrderBy(_ => random.Next()).Take(distance);
        return bits.Aggregate(origin, (h, bit) => h.FlipBit(bit));
    }

    /// <summary>
    /// A hash at <paramref name="distance"/> whose differences are spread as evenly as possible over the 16 chunks:
    /// the hardest case for multi-index hashing (at 31, fifteen chunks differ by 2 and one by 1).
    /// </summary>
    public static PdqHash SpreadOverChunks(Random random, PdqHash origin, int distance)
    {
        var hash = origin;
        var chunks = Enumerable.Range(0, 16).OrderBy(_ => random.Next()).ToArray();
        for (var n = 0; n < distance; n++)
        {
            var chunk = chunks[n % 16];
            int bit;
            do
            {
                bit = (chunk * 16) + random.Next(16);
            }
            while (hash.GetBit(bit) != origin.GetBit(bit));

            hash = hash.FlipBit(bit);
        }

        return hash;
    }
}
