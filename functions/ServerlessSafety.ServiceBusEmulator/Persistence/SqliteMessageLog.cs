using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using ServerlessSafety.ServiceBusEmulator.Broker;

namespace ServerlessSafety.ServiceBusEmulator.Persistence;

/// <summary>
/// The emulator's durable message log in SQLite (WAL). One writer commits whatever has queued up in one transaction
/// (group commit), so a send is acknowledged only once it is on disk and throughput does not pay one fsync per message.
/// WAL with synchronous=NORMAL survives a killed process, which is the failure the emulator promises to survive.
/// </summary>
internal sealed class SqliteMessageLog : IAsyncDisposable
{
    private const int MaxWritesPerTransaction = 8192;
    private readonly SqliteConnection _connection;
    private readonly Channel<PendingWrite> _pending = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger _logger;
    private readonly Task _writer;
    private readonly SqliteCommand _put;
    private readonly SqliteCommand _progress;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _sequence;
    private readonly SqliteCommand _duplicate;
    private readonly SqliteCommand _prune;

    private SqliteMessageLog(SqliteConnection connection, ILogger logger)
    {
        _connection = connection;
        _logger = logger;
        _put = Command("INSERT OR REPLACE INTO messages (entity, seq, state, enqueued, scheduled, expires, delivery_count, dead_letter_source, payload) VALUES ($entity, $seq, $state, $enqueued, $scheduled, $expires, $deliveryCount, $source, $payload)",
            "$entity", "$seq", "$state", "$enqueued", "$scheduled", "$expires", "$deliveryCount", "$source", "$payload");
        _progress = Command("UPDATE messages SET state = $state, enqueued = $enqueued, delivery_count = $deliveryCount WHERE entity = $entity AND seq = $seq",
            "$state", "$enqueued", "$deliveryCount", "$entity", "$seq");
        _prune = Command("DELETE FROM duplicates WHERE expires <= $now", "$now");
        _delete = Command("DELETE FROM messages WHERE entity = $entity AND seq = $seq", "$entity", "$seq");
        _sequence = Command("INSERT INTO sequences (queue, last) VALUES ($queue, $last) ON CONFLICT(queue) DO UPDATE SET last = max(last, excluded.last)", "$queue", "$last");
        _duplicate = Command("INSERT OR REPLACE INTO duplicates (queue, message_id, expires) VALUES ($queue, $id, $expires)", "$queue", "$id", "$expires");
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Opens (or creates) the log in <paramref name="directory"/>.</summary>
    public static SqliteMessageLog Open(string directory, ILogger logger)
    {
        Directory.CreateDirectory(directory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "servicebus.db"),
            Pooling = false,
        }.ToString());
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode=WAL;
                PRAGMA synchronous=NORMAL;
                CREATE TABLE IF NOT EXISTS messages (entity TEXT NOT NULL, seq INTEGER NOT NULL, state INTEGER NOT NULL, enqueued INTEGER NOT NULL,
                    scheduled INTEGER NULL, expires INTEGER NOT NULL, delivery_count INTEGER NOT NULL, dead_letter_source TEXT NULL, payload BLOB NOT NULL,
                    PRIMARY KEY (entity, seq)) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS sequences (queue TEXT PRIMARY KEY, last INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS duplicates (queue TEXT NOT NULL, message_id TEXT NOT NULL, expires INTEGER NOT NULL, PRIMARY KEY (queue, message_id)) WITHOUT ROWID;
                """;
            setup.ExecuteNonQuery();
        }

        return new SqliteMessageLog(connection, logger);
    }

    /// <summary>Reads what the log holds for <paramref name="queue"/>; called once per queue at start-up, before any write.</summary>
    public StoredEntity Load(string queue, string deadLetterEntity, DateTime now)
    {
        var messages = new List<(MessageSnapshot, DateTime)>();
        var deadLetters = new List<(MessageSnapshot, DateTime)>();
        using (var read = _connection.CreateCommand())
        {
            read.CommandText = "SELECT entity, seq, state, enqueued, scheduled, expires, delivery_count, dead_letter_source, payload FROM messages WHERE entity IN ($queue, $dead) ORDER BY seq";
            read.Parameters.AddWithValue("$queue", queue);
            read.Parameters.AddWithValue("$dead", deadLetterEntity);
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                var message = new MessageSnapshot(
                    reader.GetInt64(1),
                    (byte[])reader["payload"],
                    Time(reader.GetInt64(3)),
                    (MessageState)reader.GetInt32(2),
                    reader.IsDBNull(4) ? null : Time(reader.GetInt64(4)),
                    reader.GetInt32(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7),
                    null,
                    default);
                (reader.GetString(0) == queue ? messages : deadLetters).Add((message, Time(reader.GetInt64(5))));
            }
        }

        long last;
        using (var read = _connection.CreateCommand())
        {
            read.CommandText = "SELECT coalesce((SELECT last FROM sequences WHERE queue = $queue), 0)";
            read.Parameters.AddWithValue("$queue", queue);
            last = (long)read.ExecuteScalar()!;
        }

        var duplicates = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        using (var read = _connection.CreateCommand())
        {
            read.CommandText = "SELECT message_id, expires FROM duplicates WHERE queue = $queue AND expires > $now";
            read.Parameters.AddWithValue("$queue", queue);
            read.Parameters.AddWithValue("$now", now.Ticks);
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                duplicates[reader.GetString(0)] = Time(reader.GetInt64(1));
            }
        }

        var highest = messages.Concat(deadLetters).Select(m => m.Item1.SequenceNumber).DefaultIfEmpty(0).Max();
        return new StoredEntity(messages, deadLetters, Math.Max(last, highest), duplicates);
    }

    /// <summary>Commits the writes together; the task completes once they are durable.</summary>
    public Task WriteAsync(params LogWrite[] writes)
    {
        var pending = new PendingWrite(writes, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return _pending.Writer.TryWrite(pending) ? pending.Done!.Task : Task.FromException(new ObjectDisposedException(nameof(SqliteMessageLog)));
    }

    /// <summary>Queues writes nobody waits for (bookkeeping such as delivery counts); they commit with the next group.</summary>
    public void Write(params LogWrite[] writes) => _pending.Writer.TryWrite(new PendingWrite(writes, null));

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        foreach (var command in new[] { _put, _progress, _delete, _sequence, _duplicate, _prune })
        {
            command.Dispose();
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<PendingWrite>();
        while (await _pending.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            var count = 0;
            while (count < MaxWritesPerTransaction && _pending.Reader.TryRead(out var pending))
            {
                group.Add(pending);
                count += Math.Max(1, pending.Writes.Count);
            }

            try
            {
                using (var transaction = _connection.BeginTransaction())
                {
                    foreach (var pending in group)
                    {
                        Apply(pending, transaction);
                    }

                    transaction.Commit();
                }

                foreach (var pending in group)
                {
                    pending.Done?.TrySetResult();
                }
            }
            catch (SqliteException exception)
            {
                Log.LogWriteFailed(_logger, group.Count, exception);
                foreach (var pending in group)
                {
                    pending.Done?.TrySetException(exception);
                }
            }
        }
    }

    private void Apply(PendingWrite pending, SqliteTransaction transaction)
    {
        foreach (var write in pending.Writes)
        {
            var command = write switch
            {
                LogWrite.Put put => Bind(_put, put.Entity, put.Message.SequenceNumber, (int)put.Message.State, put.Message.EnqueuedTime.Ticks,
                    put.Message.ScheduledEnqueueTime?.Ticks, put.ExpiresAt.Ticks, put.Message.DeliveryCount, put.Message.DeadLetterSource, put.Message.Payload),
                LogWrite.Progress progress => Bind(_progress, (int)progress.State, progress.EnqueuedTime.Ticks, progress.DeliveryCount, progress.Entity, progress.SequenceNumber),
                LogWrite.PruneDuplicates prune => Bind(_prune, prune.Before.Ticks),
                LogWrite.Delete delete => Bind(_delete, delete.Entity, delete.SequenceNumber),
                LogWrite.Sequence sequence => Bind(_sequence, sequence.Queue, sequence.Last),
                LogWrite.Duplicate duplicate => Bind(_duplicate, duplicate.Queue, duplicate.MessageId, duplicate.ExpiresAt.Ticks),
                _ => throw new InvalidOperationException(write.GetType().Name),
            };
            command.Transaction = transaction;
            command.ExecuteNonQuery();
        }
    }

    private static SqliteCommand Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command;
    }

    private SqliteCommand Command(string text, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = text;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = parameter });
        }

        return command;
    }

    private static DateTime Time(long ticks) => new(ticks, DateTimeKind.Utc);

    private sealed record PendingWrite(IReadOnlyList<LogWrite> Writes, TaskCompletionSource? Done);
}
