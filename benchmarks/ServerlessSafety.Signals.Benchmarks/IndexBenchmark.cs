using System.Diagnostics;
using System.Globalization;
using ServerlessSafety.Signals.Indexing;
using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Signals.Benchmarks;

/// <summary>
/// MultiIndexHashIndex at N random hashes plus planted near-duplicates: build time, bytes per hash, query latency at
/// radius 31, recall against brute force. Writes the same hashes and queries for faiss_bench.py.
/// </summary>
internal static class IndexBenchmark
{
    private const int QueryCount = 1000;
    private const int Radius = 31;

    public static int Run(string[] args)
    {
        var n = int.Parse(args[0], CultureInfo.InvariantCulture);
        var outDir = args[1];
        Directory.CreateDirectory(outDir);
        var random = new Random(42);
        var hashes = new PdqHash[n];
        for (var i = 0; i < n; i++)
        {
            hashes[i] = Next(random);
        }

        // Each query gets planted neighbours at distances 0..40 spread over the chunks: 32 of them must be found.
        var queries = new PdqHash[QueryCount];
        var planted = new List<PdqHash>();
        for (var q = 0; q < QueryCount; q++)
        {
            queries[q] = Next(random);
            for (var d = 0; d <= 40; d += 4)
            {
                planted.Add(Spread(random, queries[q], Math.Min(d, 31)));
            }
        }

        var all = hashes.Concat(planted).ToArray();
        Write(Path.Combine(outDir, "bank.bin"), all);
        Write(Path.Combine(outDir, "queries.bin"), queries);

        var before = GC.GetTotalMemory(true);
        var start = Stopwatch.GetTimestamp();
        var index = MultiIndexHashIndex.Build(all.Select((h, i) => new HashIndexEntry<PdqHash>(h, i)).ToList());
        var buildSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var heapBytes = GC.GetTotalMemory(true) - before;

        var latencies = new double[QueryCount];
        var found = new int[QueryCount];
        for (var q = 0; q < QueryCount; q++)
        {
            var t = Stopwatch.GetTimestamp();
            found[q] = index.Query(queries[q], Radius).Count;
            latencies[q] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }

        // Recall against brute force over the first 50 queries (brute force is the slow part).
        long truth = 0, hit = 0;
        for (var q = 0; q < 50; q++)
        {
            truth += all.Count(h => h.DistanceTo(queries[q]) <= Radius);
            hit += found[q];
        }

        Array.Sort(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"csharp_mih,n={all.Length},build_s={buildSeconds:F2},array_bytes_per_hash={index.ArrayBytes / (double)all.Length:F1}," +
            $"heap_bytes_per_hash={heapBytes / (double)all.Length:F1},p50_ms={Timing.Percentile(latencies, 0.5):F3}," +
            $"p99_ms={Timing.Percentile(latencies, 0.99):F3},qps={1000 / latencies.Average():F0},recall={hit / (double)truth:F4}"));
        GC.KeepAlive(index);
        return 0;
    }

    private static PdqHash Next(Random r) => new((ulong)r.NextInt64(), (ulong)r.NextInt64(), (ulong)r.NextInt64(), (ulong)r.NextInt64());

    private static PdqHash Spread(Random random, PdqHash origin, int distance)
    {
        var hash = origin;
        var chunks = Enumerable.Range(0, 16).OrderBy(_ => random.Next()).ToArray();
        for (var k = 0; k < distance; k++)
        {
            int bit;
            do
            {
                bit = (chunks[k % 16] * 16) + random.Next(16);
            }
            while (hash.GetBit(bit) != origin.GetBit(bit));

            hash = hash.FlipBit(bit);
        }

        return hash;
    }

    // Bytes in FAISS's binary order: byte b holds bits 8b..8b+7 (little-endian words).
    private static void Write(string path, PdqHash[] hashes)
    {
        using var file = new BinaryWriter(File.Create(path));
        foreach (var h in hashes)
        {
            file.Write(h.W0);
            file.Write(h.W1);
            file.Write(h.W2);
            file.Write(h.W3);
        }
    }
}
