namespace ServerlessSafety.Domain.Policy;

/// <summary>What a step of the ladder does to an account.</summary>
public enum ConsequenceAction
{
    /// <summary>The account is warned; nothing else changes.</summary>
    Warning,

    /// <summary>The account cannot be used for a while.</summary>
    Suspension,

    /// <summary>The account is closed for good.</summary>
    PermanentBan,
}
