namespace ServerlessSafety.Domain.Moderation.Audit;

/// <summary>Which audit entries to read, newest first.</summary>
/// <param name="CaseId">Only this case's, when set (one partition).</param>
/// <param name="ModeratorId">Only this moderator's, when set.</param>
/// <param name="Limit">At most this many (1-500).</param>
public sealed record AuditQuery(string? CaseId = null, string? ModeratorId = null, int Limit = 100)
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 500;
}
