namespace ServerlessSafety.Domain.Moderation.Wellness;

/// <summary>A moderator's counts for today against the configured limit.</summary>
/// <param name="Counts">Today's counts.</param>
/// <param name="RevealLimit">How many files a moderator reveals in a day before the workspace suggests a break.</param>
public sealed record ExposureToday(ExposureDay Counts, int RevealLimit)
{
    /// <summary>Whether the limit is reached: the pages suggest a break and new graphic cases go to others.</summary>
    public bool LimitReached => Counts.FilesRevealed >= RevealLimit;
}
