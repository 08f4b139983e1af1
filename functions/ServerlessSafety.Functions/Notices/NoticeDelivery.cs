using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Notices;

namespace ServerlessSafety.Functions.Notices;

/// <summary>Delivers due notices from the outbox every ten seconds.</summary>
public sealed class NoticeDelivery
{
    private readonly NoticeDispatcher _dispatcher;

    /// <summary>Creates the function.</summary>
    public NoticeDelivery(NoticeDispatcher dispatcher)
    {
        _dispatcher = dispatcher;
    }

    /// <summary>One delivery round.</summary>
    [Function(nameof(NoticeDelivery))]
    public Task Run([TimerTrigger("*/10 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
        => _dispatcher.DeliverDueAsync(cancellationToken);
}
