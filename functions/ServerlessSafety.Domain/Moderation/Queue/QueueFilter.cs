namespace ServerlessSafety.Domain.Moderation.Queue;

/// <summary>Which open cases the queue shows.</summary>
/// <param name="Category">Only this category, when set.</param>
/// <param name="MinorOnly">Only cases that involve, or may involve, a minor.</param>
/// <param name="Account">Only cases about this reported account, when set.</param>
/// <param name="Limit">At most this many (1-500).</param>
public sealed record QueueFilter(string? Category = null, bool MinorOnly = false, string? Account = null, int Limit = 100)
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 500;

    /// <summary>The longest account filter accepted.</summary>
    public const int MaxAccountLength = 256;

    /// <summary>The filter with its limit brought into 1-<see cref="MaxLimit"/> and an over-long account dropped.</summary>
    public QueueFilter Bounded() => this with
    {
        Limit = Math.Clamp(Limit, 1, MaxLimit),
        Account = Account is { Length: > 0 and <= MaxAccountLength } ? Account : null,
        Category = string.IsNullOrEmpty(Category) ? null : Category,
    };

    /// <summary>Whether <paramref name="entry"/> passes the filter (limit aside).</summary>
    public bool Admits(QueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (Category is null || entry.Category == Category)
            && (!MinorOnly || entry.InvolvesMinor)
            && (Account is null || string.Equals(entry.Account, Account, StringComparison.Ordinal));
    }
}
