namespace ServerlessSafety.Domain.Pipeline;

/// <summary>Puts case work on a pipeline queue.</summary>
/// <remarks>
/// Queues deliver at least once and detect duplicates by message id within a window, so a sender gives the
/// same deduplication key for the same piece of work and every consumer is idempotent.
/// </remarks>
public interface ICaseWorkQueue
{
    /// <summary>Sends <paramref name="item"/> to <paramref name="queue"/> (a <see cref="PipelineQueue"/> name).</summary>
    /// <param name="queue">The queue name.</param>
    /// <param name="item">The work.</param>
    /// <param name="deduplicationKey">Stable id of this piece of work, used as the message id.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    Task SendAsync(string queue, CaseWorkItem item, string deduplicationKey, CancellationToken cancellationToken = default);
}
