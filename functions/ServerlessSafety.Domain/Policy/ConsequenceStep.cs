namespace ServerlessSafety.Domain.Policy;

/// <summary>One step of a category's consequences ladder.</summary>
/// <param name="Action">What happens to the account.</param>
/// <param name="Duration">How long a suspension lasts; null for the other actions.</param>
public sealed record ConsequenceStep(ConsequenceAction Action, TimeSpan? Duration = null)
{
    /// <summary>The step in plain words, for the terms page and the moderators.</summary>
    public string Describe() => Action switch
    {
        ConsequenceAction.Warning => "a warning",
        ConsequenceAction.Suspension => $"a suspension of {DurationText.Format(Duration ?? TimeSpan.Zero)}",
        _ => "a permanent ban",
    };
}
