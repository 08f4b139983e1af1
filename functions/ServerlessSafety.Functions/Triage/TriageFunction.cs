using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Pipeline;
using ServerlessSafety.Domain.Triage;

namespace ServerlessSafety.Functions.Triage;

/// <summary>The <c>triage</c> queue: scores and routes a case; a failure abandons the message for a retry.</summary>
public sealed class TriageFunction
{
    private readonly TriageService _triage;

    /// <summary>Creates the function.</summary>
    public TriageFunction(TriageService triage)
    {
        _triage = triage;
    }

    /// <summary>Triages the case; the same message twice changes nothing the second time.</summary>
    [Function(nameof(TriageFunction))]
    public Task Run([ServiceBusTrigger(PipelineQueue.Triage, Connection = "ServiceBus")] CaseWorkItem item, CancellationToken cancellationToken)
        => _triage.TriageAsync(item, cancellationToken);
}
