namespace ServerlessSafety.Signals.Indexing;

/// <summary>The one rule every index applies to entry ids.</summary>
internal static class EntryIds
{
    // Negative values are free for the indexes' own use (the multi-index marks withdrawn slots with -1).
    public static void ThrowIfInvalid(long entryId) =>
        ArgumentOutOfRangeException.ThrowIfNegative(entryId);
}
