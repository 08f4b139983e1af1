using Microsoft.Extensions.Logging;

namespace ServerlessSafety.Domain.Notices;

/// <summary>Delivers due notices from the outbox, with exponential backoff, and gives up after a bound.</summary>
public sealed partial class NoticeDispatcher
{
    /// <summary>Attempts before a notice is dead.</summary>
    public const int MaxAttempts = 8;

    private const int BatchSize = 50;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(10);

    private readonly INoticeOutbox _outbox;
    private readonly IReadOnlyDictionary<Cases.ContactKind, INoticeSender> _senders;
    private readonly TimeProvider _time;
    private readonly ILogger<NoticeDispatcher> _logger;

    /// <summary>Creates the dispatcher over the outbox and one sender per channel kind.</summary>
    public NoticeDispatcher(INoticeOutbox outbox, IEnumerable<INoticeSender> senders, TimeProvider time, ILogger<NoticeDispatcher> logger)
    {
        _outbox = outbox;
        _senders = senders.ToDictionary(s => s.Kind);
        _time = time;
        _logger = logger;
    }

    /// <summary>Attempts every due notice once; returns how many were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var delivered = 0;
        foreach (var notice in await _outbox.ListDueAsync(_time.GetUtcNow(), BatchSize, cancellationToken))
        {
            var next = await AttemptAsync(notice, cancellationToken);
            await _outbox.SaveAsync(next, cancellationToken);
            delivered += next.State == NoticeState.Delivered ? 1 : 0;
        }

        return delivered;
    }

    private async Task<Notice> AttemptAsync(Notice notice, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (notice.Channel is null)
        {
            return notice with { State = NoticeState.StatusPageOnly };
        }

        if (!_senders.TryGetValue(notice.Channel.Kind, out var sender))
        {
            return Failed(notice, now, $"no sender for {notice.Channel.Kind}", isTransient: false);
        }

        try
        {
            var outcome = await sender.SendAsync(notice, cancellationToken);
            LogDelivered(notice.CaseId, notice.Kind);
            return notice with { State = NoticeState.Delivered, Attempts = [.. notice.Attempts, new NoticeAttempt(now, true, outcome)] };
        }
        catch (NoticeDeliveryException e)
        {
            return Failed(notice, now, e.Message, e.IsTransient);
        }
    }

    private Notice Failed(Notice notice, DateTimeOffset now, string outcome, bool isTransient)
    {
        var attempts = notice.Attempts.Count + 1;
        var dead = !isTransient || attempts >= MaxAttempts;
        LogFailed(notice.CaseId, notice.Kind, attempts, outcome, dead);
        return notice with
        {
            State = dead ? NoticeState.Dead : NoticeState.Pending,
            NextAttemptAt = now + FirstRetryDelay * Math.Pow(2, attempts - 1),
            Attempts = [.. notice.Attempts, new NoticeAttempt(now, false, outcome)],
        };
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Notice {Kind} of case {CaseId} delivered")]
    private partial void LogDelivered(string caseId, string kind);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Notice {Kind} of case {CaseId} failed (attempt {Attempt}: {Outcome}); dead: {Dead}")]
    private partial void LogFailed(string caseId, string kind, int attempt, string outcome, bool dead);
}
