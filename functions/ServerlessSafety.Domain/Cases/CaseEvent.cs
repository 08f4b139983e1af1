namespace ServerlessSafety.Domain.Cases;

/// <summary>One entry of a case's timeline.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Kind">A stable machine name (for example <c>received</c>, <c>triaged</c>, <c>reported-to-authorities</c>).</param>
/// <param name="Notice">What the reporter is told, or null when the entry is internal.</param>
/// <param name="Actor">Who did it: <c>system</c>, a moderator id, or a function name.</param>
/// <param name="Detail">Internal detail for moderators; never shown to the reporter.</param>
public sealed record CaseEvent(DateTimeOffset At, string Kind, string? Notice, string Actor, string? Detail = null)
{
    /// <summary>Whether the reporter sees this entry.</summary>
    public bool IsVisibleToReporter => Notice is not null;
}
