namespace ServerlessSafety.Domain.Sla;

/// <summary>What the SLA clock of a case needs to run.</summary>
/// <param name="CaseId">The case; also the orchestration instance id.</param>
/// <param name="DueBy">When the case must be resolved.</param>
/// <param name="Reminders">Moments before <paramref name="DueBy"/> at which a reminder is recorded, oldest first.</param>
public sealed record CaseSlaStart(string CaseId, DateTimeOffset DueBy, IReadOnlyList<DateTimeOffset> Reminders);
