using System.Collections.Concurrent;
using ServerlessSafety.Domain.Offenders;

namespace ServerlessSafety.Domain.Tests.Offenders;

public sealed class RecordingEnforcementSink : IEnforcementEventSink
{
    public ConcurrentQueue<EnforcementEvent> Events { get; } = new();

    public Task PublishAsync(EnforcementEvent enforcementEvent, CancellationToken cancellationToken = default)
    {
        Events.Enqueue(enforcementEvent);
        return Task.CompletedTask;
    }
}
