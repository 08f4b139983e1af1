using ServerlessSafety.LocalHost.Timers;

namespace ServerlessSafety.LocalHost.Tests;

public sealed class TimerScheduleTests
{
    private static readonly DateTime At = new(2026, 1, 1, 0, 1, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("0 */5 * * * *", "2026-01-01T00:05:00Z")]
    [InlineData("30 * * * * *", "2026-01-01T00:01:30Z")]
    [InlineData("*/10 * * * *", "2026-01-01T00:10:00Z")]
    [InlineData("00:00:45", "2026-01-01T00:01:45Z")]
    [InlineData("0 0 0 1 1 *", "2027-01-01T00:00:00Z")]
    public void Next_ForEachScheduleForm_IsTheNextOccurrenceInUtc(string schedule, string expected)
    {
        var next = TimerSchedule.Parse(schedule).Next(At);

        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), next);
    }

    [Theory]
    [InlineData("every minute")]
    [InlineData("61 * * * * *")]
    [InlineData("-00:00:10")]
    public void Parse_WhatIsNeitherCronNorAnInterval_ThrowsFormatExceptionNamingIt(string schedule)
    {
        var error = Assert.Throws<FormatException>(() => TimerSchedule.Parse(schedule));

        Assert.Contains($"'{schedule}'", error.Message, StringComparison.Ordinal);
    }
}
