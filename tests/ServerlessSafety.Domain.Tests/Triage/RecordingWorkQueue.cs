using System.Collections.Concurrent;
using ServerlessSafety.Domain.Pipeline;

namespace ServerlessSafety.Domain.Tests.Triage;

/// <summary>A work queue that keeps what was sent and, like Service Bus, drops a repeated message id.</summary>
public sealed class RecordingWorkQueue : ICaseWorkQueue
{
    private readonly ConcurrentDictionary<string, (string Queue, CaseWorkItem Item)> _accepted = new();

    public int Sends { get; private set; }

    public IReadOnlyList<(string Queue, CaseWorkItem Item, string Key)> Accepted
        => _accepted.Select(p => (p.Value.Queue, p.Value.Item, p.Key)).ToList();

    public Task SendAsync(string queue, CaseWorkItem item, string deduplicationKey, CancellationToken cancellationToken = default)
    {
        Sends++;
        _accepted.TryAdd(deduplicationKey, (queue, item));
        return Task.CompletedTask;
    }
}
