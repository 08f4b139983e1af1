using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Sla;

namespace ServerlessSafety.Functions.Cases;

/// <summary>The activities of <see cref="CaseSlaOrchestrator"/>, each one call into <see cref="CaseSlaSteps"/>.</summary>
public sealed class CaseSlaActivities
{
    private readonly CaseSlaSteps _steps;

    /// <summary>Creates the activities.</summary>
    public CaseSlaActivities(CaseSlaSteps steps)
    {
        _steps = steps;
    }

    /// <summary>Records a reminder on the case.</summary>
    [Function(nameof(RecordSlaReminder))]
    public Task RecordSlaReminder([ActivityTrigger] SlaReminder reminder, CancellationToken cancellationToken)
        => _steps.RecordReminderAsync(reminder.CaseId, reminder.Index, cancellationToken);

    /// <summary>Escalates a case whose deadline passed.</summary>
    [Function(nameof(EscalateOverdueCase))]
    public Task EscalateOverdueCase([ActivityTrigger] string caseId, CancellationToken cancellationToken)
        => _steps.EscalateAsync(caseId, cancellationToken);

    /// <summary>Sends the notice of final resolution.</summary>
    [Function(nameof(SendFinalNotice))]
    public Task SendFinalNotice([ActivityTrigger] string caseId, CancellationToken cancellationToken)
        => _steps.SendFinalNoticeAsync(caseId, cancellationToken);
}
