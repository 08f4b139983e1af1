using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Pipeline;
using ServerlessSafety.Domain.Reporting;

namespace ServerlessSafety.Functions.Escalation;

/// <summary>
/// The <c>ncmec-escalation</c> queue: reports the case to NCMEC's CyberTipline. A failure propagates, so the message is
/// delivered again and, after the queue's delivery count, dead-lettered; the case is flagged for on-call by then.
/// </summary>
public sealed class NcmecEscalationFunction
{
    private readonly NcmecEscalationService _escalation;

    /// <summary>Creates the function.</summary>
    public NcmecEscalationFunction(NcmecEscalationService escalation)
    {
        _escalation = escalation;
    }

    /// <summary>Runs or resumes the case's report; a finished report makes the message a no-op.</summary>
    [Function(nameof(NcmecEscalationFunction))]
    public Task Run([ServiceBusTrigger(PipelineQueue.NcmecEscalation, Connection = "ServiceBus")] CaseWorkItem item, CancellationToken cancellationToken)
        => _escalation.EscalateAsync(item.CaseId, NcmecEscalationService.Actor, cancellationToken);
}
