using System.Globalization;
using Cronos;

namespace ServerlessSafety.LocalHost.Timers;

/// <summary>A timer trigger's schedule: a 6-field NCRONTAB (with seconds), a 5-field CRON, or a <c>hh:mm:ss</c> interval; in UTC.</summary>
internal sealed class TimerSchedule
{
    private readonly CronExpression? _cron;
    private readonly TimeSpan _interval;

    private TimerSchedule(CronExpression? cron, TimeSpan interval, string text)
    {
        _cron = cron;
        _interval = interval;
        Text = text;
    }

    public string Text { get; }

    /// <summary>Parses the schedule; throws <see cref="FormatException"/> with the reason.</summary>
    public static TimerSchedule Parse(string text)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields == 1 && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return new TimerSchedule(null, interval, text);
        }

        try
        {
            return new TimerSchedule(CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard), TimeSpan.Zero, text);
        }
        catch (CronFormatException e)
        {
            throw new FormatException($"the schedule '{text}' is neither NCRONTAB nor a TimeSpan: {e.Message}", e);
        }
    }

    public DateTime Next(DateTime afterUtc)
        => _cron?.GetNextOccurrence(afterUtc, TimeZoneInfo.Utc) ?? afterUtc + _interval;
}
