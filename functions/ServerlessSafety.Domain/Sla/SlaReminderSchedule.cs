namespace ServerlessSafety.Domain.Sla;

/// <summary>
/// When reminders fall before a case's deadline: at fixed fractions of the time allowed (by default half and
/// five sixths, which are 24 h and 40 h of a 48 h deadline), so shortened deadlines get them in proportion.
/// </summary>
public sealed class SlaReminderSchedule
{
    private readonly IReadOnlyList<double> _fractions;

    /// <summary>Creates a schedule of reminders at the given fractions of the time allowed (each in (0, 1)).</summary>
    public SlaReminderSchedule(IReadOnlyList<double> fractions)
    {
        if (fractions.Any(f => f <= 0 || f >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fractions), "Reminder fractions lie strictly between 0 and 1.");
        }

        _fractions = fractions.Order().ToList();
    }

    /// <summary>The default: half and five sixths of the time allowed.</summary>
    public static SlaReminderSchedule Default { get; } = new([0.5, 5.0 / 6.0]);

    /// <summary>The reminder moments of a case opened at <paramref name="openedAt"/> and due by <paramref name="dueBy"/>.</summary>
    public IReadOnlyList<DateTimeOffset> For(DateTimeOffset openedAt, DateTimeOffset dueBy)
        => _fractions.Select(f => openedAt + (dueBy - openedAt) * f).ToList();
}
