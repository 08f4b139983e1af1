using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Notices;

/// <summary>
/// Tells a reporter that their case changed: the entry on the case's timeline and the notice in the outbox,
/// both keyed by case and kind so that a redelivered message writes neither twice.
/// </summary>
public sealed class CaseNotices
{
    private readonly ICaseStore _cases;
    private readonly INoticeOutbox _outbox;
    private readonly TimeProvider _time;

    /// <summary>Creates the notifier.</summary>
    public CaseNotices(ICaseStore cases, INoticeOutbox outbox, TimeProvider time)
    {
        _cases = cases;
        _outbox = outbox;
        _time = time;
    }

    /// <summary>Records a visible timeline entry of <paramref name="kind"/> and queues its notice; returns the case.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="kind">A stable kind; one entry per kind and case.</param>
    /// <param name="text">What the reporter reads.</param>
    /// <param name="change">Any other change to make to the case in the same write.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<SafetyCase?> NotifyAsync(string caseId, string kind, string text, Func<SafetyCase, SafetyCase>? change = null, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var updated = await _cases.UpdateAsync(
            caseId,
            c =>
            {
                var changed = change?.Invoke(c) ?? c;
                return changed.Timeline.Any(e => e.Kind == kind) ? changed : changed.With(new CaseEvent(now, kind, text, "system"));
            },
            cancellationToken);
        if (updated is null)
        {
            return null;
        }

        await _outbox.AddAsync(
            new Notice
            {
                Id = $"{caseId}:{kind}",
                CaseId = caseId,
                Kind = kind,
                Text = text,
                Channel = updated.Contact,
                CreatedAt = now,
                NextAttemptAt = now,
            },
            cancellationToken);
        return updated;
    }
}
