using System.ComponentModel.DataAnnotations;

namespace ServerlessSafety.Domain.Moderation.Wellness;

/// <summary>The <c>Moderation</c> settings that protect moderators.</summary>
public sealed class WellnessOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Moderation";

    /// <summary>Files a moderator reveals in a UTC day before the workspace suggests a break and hands graphic cases to others.</summary>
    [Range(1, 10_000)]
    public int DailyRevealLimit { get; set; } = 25;
}
