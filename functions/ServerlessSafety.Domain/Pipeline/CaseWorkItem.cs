namespace ServerlessSafety.Domain.Pipeline;

/// <summary>
/// The message every pipeline queue carries: which case to work on and why. Only ids travel on queues,
/// never content or personal data; the case itself is read from the case store.
/// </summary>
/// <param name="CaseId">The case to work on.</param>
/// <param name="Reason">Why it was queued (for example <c>report-received</c>, <c>upload-matched</c>, <c>moderator-decision</c>).</param>
public sealed record CaseWorkItem(string CaseId, string Reason);
