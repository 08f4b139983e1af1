using System.Globalization;

namespace ServerlessSafety.Domain.Policy;

/// <summary>Durations as the policy file writes them: a whole number and a unit, <c>90s</c>, <c>30m</c>, <c>48h</c>, <c>7d</c>.</summary>
public static class DurationText
{
    /// <summary>Parses a duration; false when the text is not one.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text) || text.Length < 2 || text.Length > 12)
        {
            return false;
        }

        var trimmed = text.Trim();
        if (!long.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        TimeSpan? parsed = trimmed[^1] switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => null,
        };
        duration = parsed ?? TimeSpan.Zero;
        return parsed is not null;
    }

    /// <summary>A duration in plain words: <c>48 hours</c>, <c>7 days</c>, <c>90 seconds</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        static string Plural(long n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";

        if (duration.Ticks % TimeSpan.TicksPerDay == 0 && duration.Days > 2)
        {
            return Plural(duration.Days, "day");
        }

        if (duration.Ticks % TimeSpan.TicksPerHour == 0)
        {
            return Plural((long)duration.TotalHours, "hour");
        }

        return duration.Ticks % TimeSpan.TicksPerMinute == 0
            ? Plural((long)duration.TotalMinutes, "minute")
            : Plural((long)duration.TotalSeconds, "second");
    }
}
