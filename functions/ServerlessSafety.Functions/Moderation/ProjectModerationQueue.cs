using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Moderation.Queue;

namespace ServerlessSafety.Functions.Moderation;

/// <summary>Every 5 seconds, applies the cases' change feed to the moderators' queue view.</summary>
public sealed class ProjectModerationQueue
{
    private readonly QueueProjection _projection;

    /// <summary>Creates the function.</summary>
    public ProjectModerationQueue(QueueProjection projection)
    {
        _projection = projection;
    }

    /// <summary>Catches the view up.</summary>
    [Function(nameof(ProjectModerationQueue))]
    public Task Run([TimerTrigger("*/5 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
        => _projection.CatchUpAsync(cancellationToken: cancellationToken);
}
