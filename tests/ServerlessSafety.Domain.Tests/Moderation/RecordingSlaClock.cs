using ServerlessSafety.Domain.Sla;

namespace ServerlessSafety.Domain.Tests.Moderation;

public sealed class RecordingSlaClock : ICaseSlaClock
{
    public List<string> Resolved { get; } = [];

    public Task StartAsync(CaseSlaStart start, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task NotifyResolvedAsync(string caseId, CancellationToken cancellationToken = default)
    {
        Resolved.Add(caseId);
        return Task.CompletedTask;
    }
}
