namespace ServerlessSafety.Domain.Triage;

/// <summary>One factor's contribution to a case's priority.</summary>
/// <param name="Points">Points added.</param>
/// <param name="Reason">Why, in words a moderator reads.</param>
public sealed record TriageContribution(int Points, string Reason)
{
    /// <summary>The contribution as recorded on the case: <c>+30 a minor is or may be involved</c>.</summary>
    public override string ToString() => $"+{Points} {Reason}";
}
