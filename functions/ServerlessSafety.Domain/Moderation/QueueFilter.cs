namespace ServerlessSafety.Domain.Moderation;

/// <summary>Which open cases the queue shows.</summary>
/// <param name="Category">Only this category, when set.</param>
/// <param name="MinorOnly">Only cases that involve, or may involve, a minor.</param>
/// <param name="Limit">At most this many (1-500).</param>
public sealed record QueueFilter(string? Category = null, bool MinorOnly = false, int Limit = 100)
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 500;
}
