using ServerlessSafety.ServiceBusEmulator.Amqp;
using ServerlessSafety.ServiceBusEmulator.Configuration;
using ServerlessSafety.ServiceBusEmulator.Persistence;

namespace ServerlessSafety.ServiceBusEmulator.Broker;

/// <summary>
/// One queue entity (a queue, or a queue's dead-letter queue) with Service Bus semantics: sequence numbers, peek-lock
/// with lock tokens and lock expiry, delivery counts and the max-delivery-count rule, time to live, scheduled and
/// deferred messages, duplicate detection. State lives in memory under one lock; every change that a client is told
/// about is written to the message log first.
/// </summary>
internal sealed class EmulatedQueue
{
    private const string DeadLetterSuffix = "/$DeadLetterQueue";
    private readonly object _sync = new();
    private readonly SortedDictionary<long, BrokeredMessage> _messages = new();
    private readonly SortedSet<long> _available = new();
    private readonly Dictionary<Guid, BrokeredMessage> _locks = new();
    private readonly PriorityQueue<long, DateTime> _expiries = new();
    private readonly PriorityQueue<long, DateTime> _scheduled = new();
    private readonly List<ConsumerCredit> _consumers = [];
    private readonly Dictionary<string, DateTime> _duplicates;
    private readonly SqliteMessageLog _log;
    private readonly TimeProvider _time;
    private readonly EmulatedQueue? _deadLetterQueue;
    private long _lastSequenceNumber;
    private int _nextConsumer;

    private EmulatedQueue(string entityPath, QueueSettings settings, SqliteMessageLog log, TimeProvider time, EmulatedQueue? deadLetterQueue, IReadOnlyDictionary<string, DateTime> duplicates)
    {
        EntityPath = entityPath;
        Settings = settings;
        _log = log;
        _time = time;
        _deadLetterQueue = deadLetterQueue;
        _duplicates = new Dictionary<string, DateTime>(duplicates, StringComparer.Ordinal);
    }

    /// <summary>The address clients use, without the leading slash.</summary>
    public string EntityPath { get; }

    /// <summary>The queue's declaration (a dead-letter queue shares its queue's).</summary>
    public QueueSettings Settings { get; }

    /// <summary>The queue's dead-letter queue; null for a dead-letter queue itself.</summary>
    public EmulatedQueue? DeadLetterQueue => _deadLetterQueue;

    /// <summary>Messages held, in every state; for logs and tests.</summary>
    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _messages.Count;
            }
        }
    }

    /// <summary>Builds a queue and its dead-letter queue from what the log holds. Locks held before a restart are gone.</summary>
    public static EmulatedQueue Restore(QueueSettings settings, SqliteMessageLog log, TimeProvider time)
    {
        var stored = log.Load(settings.Name, settings.Name + DeadLetterSuffix, time.GetUtcNow().UtcDateTime);
        var deadLetterQueue = new EmulatedQueue(settings.Name + DeadLetterSuffix, settings, log, time, null, new Dictionary<string, DateTime>());
        var queue = new EmulatedQueue(settings.Name, settings, log, time, deadLetterQueue, stored.Duplicates) { _lastSequenceNumber = stored.LastSequenceNumber };
        queue.RestoreMessages(stored.Messages);
        deadLetterQueue.RestoreMessages(stored.DeadLetters);
        return queue;
    }

    /// <summary>Accepts a sender's messages; completes once they are durable. Returns the sequence numbers given.</summary>
    public async Task<IReadOnlyList<long>> EnqueueAsync(IReadOnlyList<IncomingMessage> incoming)
    {
        var now = Now();
        var accepted = new List<BrokeredMessage>(incoming.Count);
        var writes = new List<LogWrite>(incoming.Count + 2);
        lock (_sync)
        {
            foreach (var message in incoming)
            {
                if (Settings.RequiresDuplicateDetection && message.MessageId is { } id)
                {
                    if (_duplicates.TryGetValue(id, out var until) && until > now)
                    {
                        continue;
                    }

                    var window = now + Settings.DuplicateDetectionHistoryTimeWindow;
                    _duplicates[id] = window;
                    writes.Add(new LogWrite.Duplicate(Settings.Name, id, window));
                }

                var scheduled = message.ScheduledEnqueueTime > now ? message.ScheduledEnqueueTime : null;
                var activeFrom = scheduled ?? now;
                var timeToLive = message.TimeToLive is { } ttl && ttl > TimeSpan.Zero && ttl < Settings.DefaultMessageTimeToLive ? ttl : Settings.DefaultMessageTimeToLive;
                var brokered = new BrokeredMessage
                {
                    SequenceNumber = ++_lastSequenceNumber,
                    Payload = message.Payload,
                    EnqueuedTime = activeFrom,
                    ExpiresAt = DateTime.MaxValue - activeFrom > timeToLive ? activeFrom + timeToLive : DateTime.MaxValue,
                    State = scheduled is null ? MessageState.Active : MessageState.Scheduled,
                    ScheduledEnqueueTime = message.ScheduledEnqueueTime,
                };
                accepted.Add(brokered);
                writes.Add(new LogWrite.Put(EntityPath, brokered.Snapshot(), brokered.ExpiresAt));
            }

            if (accepted.Count > 0)
            {
                writes.Add(new LogWrite.Sequence(Settings.Name, _lastSequenceNumber));
            }
        }

        if (writes.Count > 0)
        {
            await _log.WriteAsync([.. writes]).ConfigureAwait(false);
        }

        List<(IMessageConsumer, MessageSnapshot)> deliveries = [];
        lock (_sync)
        {
            foreach (var message in accepted)
            {
                Add(message);
            }

            Dispatch(deliveries, Now());
        }

        Deliver(deliveries);
        return accepted.Select(m => m.SequenceNumber).ToList();
    }

    /// <summary>Attaches a receiver; it gets messages as it grants credit.</summary>
    public void AddConsumer(IMessageConsumer consumer)
    {
        lock (_sync)
        {
            _consumers.Add(new ConsumerCredit(consumer));
        }
    }

    /// <summary>Detaches a receiver. Its locked messages stay locked until their locks expire, as in Service Bus.</summary>
    public void RemoveConsumer(IMessageConsumer consumer)
    {
        lock (_sync)
        {
            _consumers.RemoveAll(c => ReferenceEquals(c.Consumer, consumer));
        }
    }

    /// <summary>A receiver granted <paramref name="credit"/> more messages; with <paramref name="drain"/> it wants the rest of its credit used up now or cancelled.</summary>
    public void AddCredit(IMessageConsumer consumer, int credit, bool drain)
    {
        List<(IMessageConsumer, MessageSnapshot)> deliveries = [];
        lock (_sync)
        {
            var entry = _consumers.Find(c => ReferenceEquals(c.Consumer, consumer));
            if (entry is null)
            {
                return;
            }

            entry.Credit += credit;
            Dispatch(deliveries, Now());
            if (drain)
            {
                entry.Credit = 0;
            }
        }

        Deliver(deliveries);
    }

    /// <summary>Settles the message locked under <paramref name="lockToken"/>.</summary>
    public async Task<SettlementResult> SettleAsync(Guid lockToken, Settlement settlement)
    {
        var now = Now();
        var writes = new List<LogWrite>(2);
        List<(IMessageConsumer, MessageSnapshot)> deliveries = [];
        List<(IMessageConsumer, MessageSnapshot)> deadLetterDeliveries = [];
        lock (_sync)
        {
            if (!_locks.TryGetValue(lockToken, out var message) || message.LockedUntil <= now)
            {
                return SettlementResult.LockLost;
            }

            _locks.Remove(lockToken);
            message.LockToken = null;
            if (settlement.PropertiesToModify is { Count: > 0 } properties)
            {
                message.Payload = AmqpPayload.WithApplicationProperties(message.Payload, properties);
                if (settlement is Settlement.Abandon or Settlement.Defer)
                {
                    // The changed message stays here, so its payload is rewritten; a dead-lettered one is written to the dead-letter queue.
                    writes.Add(new LogWrite.Put(EntityPath, message.Snapshot(), message.ExpiresAt));
                }
            }

            switch (settlement)
            {
                case Settlement.Complete:
                    _messages.Remove(message.SequenceNumber);
                    writes.Add(new LogWrite.Delete(EntityPath, message.SequenceNumber));
                    break;
                case Settlement.DeadLetter deadLetter:
                    MoveToDeadLetter(message, deadLetter.Reason, deadLetter.Description, writes, deadLetterDeliveries);
                    break;
                case Settlement.Defer:
                    message.DeliveryCount++;
                    message.State = MessageState.Deferred;
                    writes.Add(LogWrite.Progress.Of(EntityPath, message));
                    break;
                case Settlement.Release:
                    _available.Add(message.SequenceNumber);
                    writes.Add(LogWrite.Progress.Of(EntityPath, message));
                    break;
                default:
                    EndDelivery(message, writes, deadLetterDeliveries);
                    break;
            }

            Dispatch(deliveries, now);
        }

        await _log.WriteAsync([.. writes]).ConfigureAwait(false);
        Deliver(deliveries);
        Deliver(deadLetterDeliveries);
        return SettlementResult.Settled;
    }

    /// <summary>Extends a lock by the queue's lock duration; null when the lock is lost.</summary>
    public DateTime? RenewLock(Guid lockToken)
    {
        var now = Now();
        lock (_sync)
        {
            if (!_locks.TryGetValue(lockToken, out var message) || message.LockedUntil <= now)
            {
                return null;
            }

            message.LockedUntil = now + Settings.LockDuration;
            return message.LockedUntil;
        }
    }

    /// <summary>Up to <paramref name="count"/> messages from <paramref name="fromSequenceNumber"/> on, in every state, without locking them.</summary>
    public IReadOnlyList<MessageSnapshot> Peek(long fromSequenceNumber, int count)
    {
        lock (_sync)
        {
            return _messages.Values.Where(m => m.SequenceNumber >= fromSequenceNumber).Take(count).Select(m => m.Snapshot()).ToList();
        }
    }

    /// <summary>Receives deferred messages by sequence number; null when one of them is not a deferred message of this queue.</summary>
    public async Task<IReadOnlyList<MessageSnapshot>?> ReceiveDeferredAsync(IReadOnlyList<long> sequenceNumbers, bool receiveAndDelete)
    {
        var now = Now();
        var received = new List<MessageSnapshot>(sequenceNumbers.Count);
        var writes = new List<LogWrite>();
        lock (_sync)
        {
            var messages = new List<BrokeredMessage>(sequenceNumbers.Count);
            foreach (var sequenceNumber in sequenceNumbers)
            {
                if (!_messages.TryGetValue(sequenceNumber, out var message) || message.State != MessageState.Deferred || message.LockToken is not null)
                {
                    return null;
                }

                messages.Add(message);
            }

            foreach (var message in messages)
            {
                if (receiveAndDelete)
                {
                    _messages.Remove(message.SequenceNumber);
                    writes.Add(new LogWrite.Delete(EntityPath, message.SequenceNumber));
                    received.Add(message.Snapshot());
                }
                else
                {
                    received.Add(Lock(message, now));
                }
            }
        }

        if (writes.Count > 0)
        {
            await _log.WriteAsync([.. writes]).ConfigureAwait(false);
        }

        return received;
    }

    /// <summary>Cancels scheduled messages; numbers that are not scheduled messages are ignored, as Service Bus does.</summary>
    public async Task CancelScheduledAsync(IReadOnlyList<long> sequenceNumbers)
    {
        var writes = new List<LogWrite>();
        lock (_sync)
        {
            foreach (var sequenceNumber in sequenceNumbers)
            {
                if (_messages.TryGetValue(sequenceNumber, out var message) && message.State == MessageState.Scheduled)
                {
                    _messages.Remove(sequenceNumber);
                    writes.Add(new LogWrite.Delete(EntityPath, sequenceNumber));
                }
            }
        }

        if (writes.Count > 0)
        {
            await _log.WriteAsync([.. writes]).ConfigureAwait(false);
        }
    }

    /// <summary>Releases expired locks, activates due scheduled messages and expires messages past their time to live.</summary>
    public void Tick()
    {
        var now = Now();
        var writes = new List<LogWrite>();
        List<(IMessageConsumer, MessageSnapshot)> deliveries = [];
        List<(IMessageConsumer, MessageSnapshot)> deadLetterDeliveries = [];
        lock (_sync)
        {
            if (_locks.Count > 0)
            {
                foreach (var message in _locks.Values.Where(m => m.LockedUntil <= now).ToList())
                {
                    _locks.Remove(message.LockToken!.Value);
                    message.LockToken = null;
                    EndDelivery(message, writes, deadLetterDeliveries);
                }
            }

            while (_scheduled.TryPeek(out var sequenceNumber, out var due) && due <= now)
            {
                _scheduled.Dequeue();
                if (_messages.TryGetValue(sequenceNumber, out var message) && message.State == MessageState.Scheduled)
                {
                    message.State = MessageState.Active;
                    Add(message);
                    writes.Add(LogWrite.Progress.Of(EntityPath, message));
                }
            }

            while (_deadLetterQueue is not null && _expiries.TryPeek(out var sequenceNumber, out var expires) && expires <= now)
            {
                _expiries.Dequeue();
                if (_messages.TryGetValue(sequenceNumber, out var message) && message.LockToken is null && message.State != MessageState.Scheduled)
                {
                    Expire(message, writes, deadLetterDeliveries);
                }
            }

            Dispatch(deliveries, now);
        }

        if (writes.Count > 0)
        {
            _log.Write([.. writes]);
        }

        Deliver(deliveries);
        Deliver(deadLetterDeliveries);
    }

    private void RestoreMessages(IReadOnlyList<(MessageSnapshot Message, DateTime ExpiresAt)> stored)
    {
        foreach (var (snapshot, expiresAt) in stored)
        {
            Add(new BrokeredMessage
            {
                SequenceNumber = snapshot.SequenceNumber,
                Payload = snapshot.Payload,
                EnqueuedTime = snapshot.EnqueuedTime,
                ExpiresAt = expiresAt,
                State = snapshot.State,
                ScheduledEnqueueTime = snapshot.ScheduledEnqueueTime,
                DeliveryCount = snapshot.DeliveryCount,
                DeadLetterSource = snapshot.DeadLetterSource,
            });
        }
    }

    private void Add(BrokeredMessage message)
    {
        _messages[message.SequenceNumber] = message;
        switch (message.State)
        {
            case MessageState.Active:
                _available.Add(message.SequenceNumber);
                _expiries.Enqueue(message.SequenceNumber, message.ExpiresAt);
                break;
            case MessageState.Scheduled:
                _scheduled.Enqueue(message.SequenceNumber, message.ScheduledEnqueueTime ?? message.EnqueuedTime);
                break;
            case MessageState.Deferred:
                _expiries.Enqueue(message.SequenceNumber, message.ExpiresAt);
                break;
        }
    }

    private void Dispatch(List<(IMessageConsumer, MessageSnapshot)> deliveries, DateTime now)
    {
        while (_available.Count > 0 && NextConsumerWithCredit() is { } consumer)
        {
            var sequenceNumber = _available.Min;
            _available.Remove(sequenceNumber);
            var message = _messages[sequenceNumber];
            if (_deadLetterQueue is not null && message.ExpiresAt <= now)
            {
                var writes = new List<LogWrite>();
                Expire(message, writes, deliveries);
                _log.Write([.. writes]);
                continue;
            }

            consumer.Credit--;
            if (consumer.Consumer.ReceiveAndDelete)
            {
                _messages.Remove(sequenceNumber);
                _log.Write(new LogWrite.Delete(EntityPath, sequenceNumber));
                deliveries.Add((consumer.Consumer, message.Snapshot()));
            }
            else
            {
                deliveries.Add((consumer.Consumer, Lock(message, now)));
            }
        }
    }

    private MessageSnapshot Lock(BrokeredMessage message, DateTime now)
    {
        var lockToken = Guid.NewGuid();
        message.LockToken = lockToken;
        message.LockedUntil = now + Settings.LockDuration;
        _locks[lockToken] = message;

        // If the emulator dies while the message is locked, the delivery still counts, as it does in Service Bus.
        _log.Write(LogWrite.Progress.Of(EntityPath, message, message.DeliveryCount + 1));
        return message.Snapshot();
    }

    private ConsumerCredit? NextConsumerWithCredit()
    {
        for (var i = 0; i < _consumers.Count; i++)
        {
            var candidate = _consumers[(_nextConsumer + i) % _consumers.Count];
            if (candidate.Credit > 0)
            {
                _nextConsumer = (_nextConsumer + i + 1) % _consumers.Count;
                return candidate;
            }
        }

        return null;
    }

    private void EndDelivery(BrokeredMessage message, List<LogWrite> writes, List<(IMessageConsumer, MessageSnapshot)> deadLetterDeliveries)
    {
        message.DeliveryCount++;
        if (_deadLetterQueue is not null && message.DeliveryCount >= Settings.MaxDeliveryCount)
        {
            MoveToDeadLetter(message, "MaxDeliveryCountExceeded", $"Message could not be consumed after {Settings.MaxDeliveryCount} delivery attempts.", writes, deadLetterDeliveries);
            return;
        }

        if (message.State == MessageState.Active)
        {
            _available.Add(message.SequenceNumber);
        }

        writes.Add(LogWrite.Progress.Of(EntityPath, message));
    }

    private void Expire(BrokeredMessage message, List<LogWrite> writes, List<(IMessageConsumer, MessageSnapshot)> deadLetterDeliveries)
    {
        if (Settings.DeadLetteringOnMessageExpiration)
        {
            MoveToDeadLetter(message, "TTLExpiredException", "The message expired and was dead lettered.", writes, deadLetterDeliveries);
            return;
        }

        _messages.Remove(message.SequenceNumber);
        _available.Remove(message.SequenceNumber);
        writes.Add(new LogWrite.Delete(EntityPath, message.SequenceNumber));
    }

    private void MoveToDeadLetter(BrokeredMessage message, string? reason, string? description, List<LogWrite> writes, List<(IMessageConsumer, MessageSnapshot)> deadLetterDeliveries)
    {
        if (_deadLetterQueue is null)
        {
            // A dead-letter queue has no dead-letter queue of its own: the message stays where it is.
            message.State = MessageState.Active;
            _available.Add(message.SequenceNumber);
            writes.Add(LogWrite.Progress.Of(EntityPath, message));
            return;
        }

        _messages.Remove(message.SequenceNumber);
        _available.Remove(message.SequenceNumber);
        writes.Add(new LogWrite.Delete(EntityPath, message.SequenceNumber));
        var deadLettered = new BrokeredMessage
        {
            SequenceNumber = message.SequenceNumber,
            Payload = AmqpPayload.WithApplicationProperties(message.Payload, new Dictionary<string, object?>
            {
                ["DeadLetterReason"] = reason,
                ["DeadLetterErrorDescription"] = description,
            }),
            EnqueuedTime = message.EnqueuedTime,
            ExpiresAt = DateTime.MaxValue,
            DeliveryCount = message.DeliveryCount,
            DeadLetterSource = Settings.Name,
            State = MessageState.Active,
        };
        writes.Add(new LogWrite.Put(_deadLetterQueue.EntityPath, deadLettered.Snapshot(), deadLettered.ExpiresAt));
        _deadLetterQueue.AcceptDeadLettered(deadLettered, deadLetterDeliveries);
    }

    private void AcceptDeadLettered(BrokeredMessage message, List<(IMessageConsumer, MessageSnapshot)> deliveries)
    {
        lock (_sync)
        {
            Add(message);
            Dispatch(deliveries, Now());
        }
    }

    private static void Deliver(List<(IMessageConsumer Consumer, MessageSnapshot Message)> deliveries)
    {
        foreach (var (consumer, message) in deliveries)
        {
            consumer.Deliver(message);
        }
    }

    private DateTime Now() => _time.GetUtcNow().UtcDateTime;

    private sealed class ConsumerCredit(IMessageConsumer consumer)
    {
        public IMessageConsumer Consumer { get; } = consumer;

        public int Credit { get; set; }
    }
}
