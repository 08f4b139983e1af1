using Microsoft.Extensions.Logging;
using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Moderation.Queue;

/// <summary>
/// Keeps the <see cref="IQueueView"/> from the <see cref="ICaseChangeFeed"/>: a timer runs it, and the workspace runs
/// it before reading so a moderator sees their own last action. Two runs at once are harmless: an entry is written
/// only over an older revision, and a checkpoint saved late only makes the next run reread changes it already applied.
/// </summary>
public sealed partial class QueueProjection
{
    private const int PageSize = 500;
    private const int WritersPerPage = 8;

    private readonly ICaseChangeFeed _feed;
    private readonly IQueueView _view;
    private readonly ILogger<QueueProjection> _logger;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Creates the projection.</summary>
    public QueueProjection(ICaseChangeFeed feed, IQueueView view, ILogger<QueueProjection> logger)
    {
        _feed = feed;
        _view = view;
        _logger = logger;
    }

    /// <summary>
    /// Applies changes until the feed has no more or <paramref name="maxPages"/> pages were read; returns how many
    /// cases were applied. A caller that finds a run under way waits for it instead of reading the same changes, but
    /// no longer than <paramref name="patience"/> when given (a page read must not wait out a long catch-up), and then
    /// applies nothing.
    /// </summary>
    public async Task<int> CatchUpAsync(int maxPages = int.MaxValue, TimeSpan? patience = null, CancellationToken cancellationToken = default)
    {
        if (!await _oneAtATime.WaitAsync(patience ?? Timeout.InfiniteTimeSpan, cancellationToken))
        {
            return 0;
        }

        try
        {
            var applied = 0;
            var checkpoint = await _view.ReadCheckpointAsync(cancellationToken);
            for (var page = 0; page < maxPages; page++)
            {
                var changes = await _feed.ReadChangesAsync(checkpoint, PageSize, cancellationToken);

                // A page holds each case once, so its entries are written side by side.
                await Parallel.ForEachAsync(
                    changes.Cases,
                    new ParallelOptions { MaxDegreeOfParallelism = WritersPerPage, CancellationToken = cancellationToken },
                    async (safetyCase, token) => await _view.ApplyAsync(QueueEntry.From(safetyCase), token));

                applied += changes.Cases.Count;
                if (changes.Checkpoint != checkpoint)
                {
                    await _view.SaveCheckpointAsync(changes.Checkpoint, cancellationToken);
                    checkpoint = changes.Checkpoint;
                }

                if (changes.Cases.Count == 0)
                {
                    break;
                }
            }

            if (applied > 0)
            {
                LogApplied(applied);
            }

            return applied;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue view: {Count} case changes applied")]
    private partial void LogApplied(int count);
}
