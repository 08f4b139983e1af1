using System.Collections.Concurrent;

namespace ServerlessSafety.Domain.Reports;

/// <summary>
/// A fixed-window limit of reports per client per instance. It stops floods from one source; the platform's
/// gateway (API Management or Front Door) should add a global limit in front of a scaled-out app.
/// </summary>
public sealed class ReportRateLimiter
{
    // Bounds memory under a spray of distinct client keys: old windows are dropped when this many are held.
    private const int MaxClientsTracked = 100_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _permitLimit;
    private readonly TimeSpan _window;

    /// <summary>Creates a limiter of <paramref name="permitLimit"/> reports per <paramref name="window"/>.</summary>
    public ReportRateLimiter(TimeProvider time, int permitLimit, TimeSpan window)
    {
        _time = time;
        _permitLimit = permitLimit;
        _window = window;
    }

    /// <summary>Takes a permit for <paramref name="clientKey"/>; returns how long to wait when none is left.</summary>
    public TimeSpan? TryAcquire(string clientKey)
    {
        var now = _time.GetUtcNow();
        if (_windows.Count > MaxClientsTracked)
        {
            foreach (var stale in _windows.Where(w => now - w.Value.Start >= _window).Select(w => w.Key).ToList())
            {
                _windows.TryRemove(stale, out _);
            }
        }

        var window = _windows.AddOrUpdate(
            clientKey,
            _ => new Window(now, 1),
            (_, w) => now - w.Start >= _window ? new Window(now, 1) : w with { Count = w.Count + 1 });
        return window.Count <= _permitLimit ? null : window.Start + _window - now;
    }

    private sealed record Window(DateTimeOffset Start, int Count);
}
