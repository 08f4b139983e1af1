using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Notices;

namespace ServerlessSafety.Domain.Sla;

/// <summary>
/// What the SLA clock does at each moment: the activities of the orchestration. Each is idempotent because
/// activities run at least once.
/// </summary>
public sealed class CaseSlaSteps
{
    /// <summary>The timeline kind of an escalation.</summary>
    public const string EscalatedKind = "escalated";

    /// <summary>The timeline kind of the final resolution notice.</summary>
    public const string ResolvedKind = "resolved";

    private readonly ICaseStore _cases;
    private readonly CaseNotices _notices;
    private readonly TimeProvider _time;

    /// <summary>Creates the steps.</summary>
    public CaseSlaSteps(ICaseStore cases, CaseNotices notices, TimeProvider time)
    {
        _cases = cases;
        _notices = notices;
        _time = time;
    }

    /// <summary>Records reminder number <paramref name="index"/> on an unresolved case, for the team (not the reporter).</summary>
    public async Task RecordReminderAsync(string caseId, int index, CancellationToken cancellationToken = default)
    {
        var kind = $"reminder-{index + 1}";
        var now = _time.GetUtcNow();
        await _cases.UpdateAsync(
            caseId,
            c => c.IsResolved || c.Timeline.Any(e => e.Kind == kind)
                ? c
                : c.With(new CaseEvent(now, kind, null, "sla-clock", $"Reminder: {(c.DueBy - now).TotalHours:0.#} hours left before the deadline.")),
            cancellationToken);
    }

    /// <summary>The deadline passed unresolved: raise the priority, flag on-call, tell the reporter.</summary>
    public Task EscalateAsync(string caseId, CancellationToken cancellationToken = default)
        => _notices.NotifyAsync(
            caseId,
            EscalatedKind,
            "Your case is taking longer than we aimed for. It has been raised to a senior member of our safety team and is still being handled. We will tell you when it is resolved.",
            c => c.IsResolved ? c : c with
            {
                Status = CaseStatus.Escalated,
                NeedsOnCall = true,
                Triage = c.Triage is { } t ? t with { Priority = t.Priority + 1000, Reasons = [.. t.Reasons, "Deadline passed unresolved (+1000)"] } : null,
            },
            cancellationToken);

    /// <summary>The case is resolved: send the final notice with the resolution in plain words.</summary>
    public async Task SendFinalNoticeAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var safetyCase = await _cases.GetAsync(caseId, cancellationToken);
        if (safetyCase?.Resolution is not { } resolution)
        {
            return;
        }

        await _notices.NotifyAsync(caseId, ResolvedKind, resolution.Summary, c => c with { Status = CaseStatus.Resolved }, cancellationToken);
    }
}
