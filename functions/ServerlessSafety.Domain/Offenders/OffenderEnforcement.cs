using Microsoft.Extensions.Logging;
using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Domain.Offenders;

/// <summary>
/// Applies decisions to offender records and tells the platform: the next ladder step and its enforcement event,
/// appeals and the event that lifts an overturned consequence.
/// </summary>
/// <remarks>
/// Every method is safe to call again for the same case (a retried decision): the record does not change twice
/// and the event sent again carries the same id and content.
/// </remarks>
public sealed partial class OffenderEnforcement
{
    private readonly IOffenderStore _store;
    private readonly IReadOnlyList<IEnforcementEventSink> _sinks;
    private readonly SafetyPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger<OffenderEnforcement> _logger;

    /// <summary>Creates the service.</summary>
    public OffenderEnforcement(IOffenderStore store, IEnumerable<IEnforcementEventSink> sinks, SafetyPolicy policy, TimeProvider time, ILogger<OffenderEnforcement> logger)
    {
        _store = store;
        _sinks = sinks.ToList();
        _policy = policy;
        _time = time;
        _logger = logger;
    }

    /// <summary>Records a case about the account that brought no strike.</summary>
    public Task<OffenderRecord> RecordCaseAsync(string account, string caseId, CancellationToken cancellationToken = default)
        => _store.UpdateAsync(account, r => OffenderLadder.RecordCase(r, caseId), cancellationToken);

    /// <summary>Applies the next step of the category's ladder for the case and emits the enforcement event.</summary>
    public async Task<OffenderStrike> ApplyStrikeAsync(string account, string categoryId, string caseId, CancellationToken cancellationToken = default)
    {
        var category = _policy.GetCategory(categoryId);
        var now = _time.GetUtcNow();
        var record = await _store.UpdateAsync(account, r => OffenderLadder.ApplyStrike(r, category, caseId, now), cancellationToken);
        var strike = record.StrikeFor(caseId)!;
        LogStrike(_logger, caseId, record.Id[..12], strike.Step, strike.Action);
        await PublishAsync(EnforcementEvent.For(record, strike, EnforcementEvent.Applied, strike.AppliedAt), cancellationToken);
        return strike;
    }

    /// <summary>Files the account's appeal against the strike of a case.</summary>
    public Task<OffenderRecord> FileAppealAsync(string account, string caseId, string statement, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        return _store.UpdateAsync(account, r => OffenderLadder.FileAppeal(r, caseId, statement, now), cancellationToken);
    }

    /// <summary>Decides an appeal; an overturned strike emits an event that lifts its consequence.</summary>
    public async Task<OffenderRecord> DecideAppealAsync(string account, string caseId, AppealOutcome outcome, string moderatorId, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var record = await _store.UpdateAsync(account, r => OffenderLadder.DecideAppeal(r, caseId, outcome, moderatorId, now), cancellationToken);
        var appeal = record.Appeals.First(a => a.CaseId == caseId);
        if (appeal.Outcome == AppealOutcome.Overturned)
        {
            await PublishAsync(EnforcementEvent.For(record, record.StrikeFor(caseId)!, EnforcementEvent.Lifted, appeal.DecidedAt!.Value), cancellationToken);
        }

        return record;
    }

    private async Task PublishAsync(EnforcementEvent enforcementEvent, CancellationToken cancellationToken)
    {
        foreach (var sink in _sinks)
        {
            await sink.PublishAsync(enforcementEvent, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Case {CaseId}: offender {OffenderIdPrefix} given ladder step {Step} ({Action}).")]
    private static partial void LogStrike(ILogger logger, string caseId, string offenderIdPrefix, int step, ConsequenceAction action);
}
