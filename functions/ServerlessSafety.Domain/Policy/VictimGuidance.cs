namespace ServerlessSafety.Domain.Policy;

/// <summary>What the report and status pages tell a victim for one category.</summary>
/// <param name="DoNow">What to do now, one step per entry, in order.</param>
/// <param name="RemoveElsewhere">Services that get the content removed on other platforms too.</param>
public sealed record VictimGuidance(IReadOnlyList<string> DoNow, IReadOnlyList<SupportResource> RemoveElsewhere);
