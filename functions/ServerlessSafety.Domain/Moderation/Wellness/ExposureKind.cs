namespace ServerlessSafety.Domain.Moderation.Wellness;

/// <summary>What the day's exposure count counts.</summary>
public enum ExposureKind
{
    /// <summary>A case page opened.</summary>
    CaseOpened,

    /// <summary>A file revealed unblurred.</summary>
    FileRevealed,

    /// <summary>A decision recorded.</summary>
    Decision,
}
