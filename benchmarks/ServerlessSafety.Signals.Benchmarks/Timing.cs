using System.Diagnostics;

namespace ServerlessSafety.Signals.Benchmarks;

internal static class Timing
{
    public static double[] Repeat(int times, Action action)
    {
        action();
        var samples = new double[times];
        for (var i = 0; i < times; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(samples);
        return samples;
    }

    public static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
