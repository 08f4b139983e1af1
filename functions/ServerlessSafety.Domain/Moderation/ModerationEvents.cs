namespace ServerlessSafety.Domain.Moderation;

/// <summary>
/// Timeline kinds of the moderators' audit trail. Each view, reveal and decision is appended to the case's timeline
/// with the moderator's id; the workspace has no way to edit or remove an entry.
/// </summary>
public static class ModerationEvents
{
    /// <summary>A moderator took the case from the queue.</summary>
    public const string Claimed = "moderator-claimed";

    /// <summary>A moderator opened the case page.</summary>
    public const string Viewed = "moderator-viewed";

    /// <summary>A moderator revealed one image or video.</summary>
    public const string Revealed = "moderator-revealed";

    /// <summary>A moderator decided the case.</summary>
    public const string Decided = "moderator-decided";

    /// <summary>The account's consequence was applied after a decision.</summary>
    public const string ConsequenceApplied = "consequence-applied";

    /// <summary>A CyberTipline report was requested after a decision.</summary>
    public const string NcmecRequested = "ncmec-report-requested";
}
