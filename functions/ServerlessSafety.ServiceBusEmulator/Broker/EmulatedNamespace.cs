using Microsoft.Extensions.Logging;
using ServerlessSafety.ServiceBusEmulator.Configuration;
using ServerlessSafety.ServiceBusEmulator.Persistence;

namespace ServerlessSafety.ServiceBusEmulator.Broker;

/// <summary>The queues of one emulator, restored from its message log, and the clock that drives their timers.</summary>
internal sealed class EmulatedNamespace : IAsyncDisposable
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(100);
    private readonly Dictionary<string, EmulatedQueue> _entities = new(StringComparer.OrdinalIgnoreCase);
    private readonly SqliteMessageLog _log;
    private readonly ITimer _ticker;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _ticks;
    private int _ticking;

    public EmulatedNamespace(IReadOnlyList<QueueSettings> queues, string dataDirectory, TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
        _log = SqliteMessageLog.Open(dataDirectory, logger);
        foreach (var settings in queues)
        {
            var queue = EmulatedQueue.Restore(settings, _log, time);
            _entities[queue.EntityPath] = queue;
            _entities[queue.DeadLetterQueue!.EntityPath] = queue.DeadLetterQueue;
            Log.QueueRestored(logger, settings.Name, queue.Count, queue.DeadLetterQueue.Count);
        }

        _ticker = time.CreateTimer(_ => Tick(), null, TickInterval, TickInterval);
    }

    /// <summary>The entity (queue or dead-letter queue) at <paramref name="entityPath"/>, without a leading slash.</summary>
    public EmulatedQueue? Find(string entityPath) => _entities.GetValueOrDefault(entityPath);

    public async ValueTask DisposeAsync()
    {
        await _ticker.DisposeAsync().ConfigureAwait(false);
        await _log.DisposeAsync().ConfigureAwait(false);
    }

    private void Tick()
    {
        // A slow tick must not overlap the next one, and a failing one must not take the process down.
        if (Interlocked.Exchange(ref _ticking, 1) == 1)
        {
            return;
        }

        try
        {
            foreach (var queue in _entities.Values)
            {
                queue.Tick();
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log.TickFailed(_logger, exception);
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }

        // Duplicate-detection entries outlive their window only on disk; sweep them about once a minute.
        if (Interlocked.Increment(ref _ticks) % 600 == 0)
        {
            _log.Write(new LogWrite.PruneDuplicates(_time.GetUtcNow().UtcDateTime));
        }
    }
}
