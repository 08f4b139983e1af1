using System.Collections.Concurrent;
using ServerlessSafety.Domain.Pipeline;

namespace ServerlessSafety.Domain.Tests.Fakes;

/// <summary>Keeps what was sent, dropping duplicate ids as Service Bus duplicate detection does.</summary>
public sealed class RecordingWorkQueue : ICaseWorkQueue
{
    private readonly ConcurrentDictionary<string, (string Queue, CaseWorkItem Item)> _sent = new();

    public IReadOnlyList<(string Queue, CaseWorkItem Item)> Sent => _sent.Values.ToList();

    public Task SendAsync(string queue, CaseWorkItem item, string deduplicationKey, CancellationToken cancellationToken = default)
    {
        _sent.TryAdd(queue + "|" + deduplicationKey, (queue, item));
        return Task.CompletedTask;
    }
}
