using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using ServerlessSafety.Domain.Pipeline;
using ServerlessSafety.Domain.Reports;
using ServerlessSafety.Functions.Cases;

namespace ServerlessSafety.Functions.Reports;

/// <summary>The <c>report-intake</c> queue: opens the case of a stored report.</summary>
public sealed class ReportIntakeFunction
{
    private readonly ReportCaseOpener _opener;

    /// <summary>Creates the function.</summary>
    public ReportIntakeFunction(ReportCaseOpener opener)
    {
        _opener = opener;
    }

    /// <summary>Creates the case once, starts its SLA clock and queues it for triage; a failure abandons the message for a retry.</summary>
    [Function(nameof(ReportIntakeFunction))]
    public Task Run(
        [ServiceBusTrigger(PipelineQueue.ReportIntake, Connection = "ServiceBus")] CaseWorkItem item,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
        => _opener.OpenAsync(item.CaseId, new DurableCaseSlaClock(durable), cancellationToken);
}
