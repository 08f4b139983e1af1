namespace ServerlessSafety.Domain.Moderation.Audit;

/// <summary>One line of the moderators' audit log: who did what to which case, when and why.</summary>
/// <param name="Id">Unique, random.</param>
/// <param name="CaseId">The case (the log's partition).</param>
/// <param name="At">When.</param>
/// <param name="ModeratorId">Who.</param>
/// <param name="Action">What: one of <see cref="ModerationEvents"/>.</param>
/// <param name="Detail">Why or which: the decision's reason, the file revealed.</param>
public sealed record AuditEntry(string Id, string CaseId, DateTimeOffset At, string ModeratorId, string Action, string Detail)
{
    /// <summary>A new entry with a fresh id.</summary>
    public static AuditEntry Create(string caseId, DateTimeOffset at, string moderatorId, string action, string detail)
        => new(Guid.NewGuid().ToString("N"), caseId, at, moderatorId, action, detail);
}
