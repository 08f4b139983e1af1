using Microsoft.Extensions.Logging;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Offenders;
using ServerlessSafety.Domain.Pipeline;
using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Domain.Triage;

/// <summary>
/// Scores a case from the policy, records the score and its reasons on the case, and routes it: to the moderators'
/// queue (status InReview), or also straight to NCMEC escalation when the case matched a verified bank and the policy
/// lets such matches skip review (the case stays open for the account decision).
/// </summary>
/// <remarks>
/// Messages arrive at least once. A case already triaged in its current state is not triaged again; the escalation
/// is sent again with the same deduplication key, which the queue drops, so a crash between recording and sending
/// still ends with exactly one escalation.
/// </remarks>
public sealed partial class TriageService
{
    /// <summary>The actor recorded on triage entries.</summary>
    public const string Actor = "triage";

    private readonly ICaseStore _cases;
    private readonly IOffenderStore _offenders;
    private readonly ICaseWorkQueue _queue;
    private readonly SafetyPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger<TriageService> _logger;

    /// <summary>Creates the service.</summary>
    public TriageService(ICaseStore cases, IOffenderStore offenders, ICaseWorkQueue queue, SafetyPolicy policy, TimeProvider time, ILogger<TriageService> logger)
    {
        _cases = cases;
        _offenders = offenders;
        _queue = queue;
        _policy = policy;
        _time = time;
        _logger = logger;
    }

    /// <summary>The deduplication key of the escalation triage sends for a case.</summary>
    public static string EscalationKey(string caseId) => $"{caseId}:{PipelineQueue.NcmecEscalation}:triage";

    /// <summary>Triages the case of a work item; returns its assessment, or null when the case is already resolved.</summary>
    /// <exception cref="InvalidOperationException">The case does not exist (the message is retried, then dead-lettered).</exception>
    public async Task<TriageAssessment?> TriageAsync(CaseWorkItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var current = await _cases.GetAsync(item.CaseId, cancellationToken)
            ?? throw new InvalidOperationException($"Case {item.CaseId} does not exist.");
        if (current.IsResolved)
        {
            LogSkipped(_logger, item.CaseId, "resolved");
            return null;
        }

        var strikes = 0;
        if (current.Subject.Account is { } account)
        {
            strikes = (await _offenders.GetAsync(account, cancellationToken))?.StandingStrikes ?? 0;
        }

        var now = _time.GetUtcNow();
        var saved = await _cases.UpdateAsync(item.CaseId, c => Apply(c, strikes, now), cancellationToken)
            ?? throw new InvalidOperationException($"Case {item.CaseId} does not exist.");
        var assessment = saved.Triage!;
        if (assessment.Route == TriageRoute.NcmecEscalation)
        {
            await _queue.SendAsync(PipelineQueue.NcmecEscalation, new CaseWorkItem(saved.Id, "verified-match"), EscalationKey(saved.Id), cancellationToken);
        }

        LogTriaged(_logger, saved.Id, assessment.Priority, assessment.Route);
        return assessment;
    }

    private SafetyCase Apply(SafetyCase safetyCase, int strikes, DateTimeOffset now)
    {
        if (safetyCase.IsResolved || TriageState.IsCurrent(safetyCase))
        {
            return safetyCase;
        }

        var category = _policy.GetCategory(safetyCase.Category);
        var score = TriageScorer.Score(safetyCase, category, _policy.Triage.Weights, strikes, now);
        var route = _policy.Triage.VerifiedBankSkipsReview && safetyCase.Matches.Any(m => m.BankIsVerified)
            ? TriageRoute.NcmecEscalation
            : TriageRoute.ModeratorQueue;
        var assessment = new TriageAssessment(score.Priority, score.Contributions.Select(c => c.ToString()).ToList(), route, now);
        var firstTriage = safetyCase.Triage is null;
        var notice = firstTriage && safetyCase.Origin == CaseOrigin.Report ? "Your report is in the queue of our safety team." : null;
        return safetyCase.With(new CaseEvent(now, TriageState.EventKind, notice, Actor, TriageState.Detail(TriageState.Of(safetyCase), assessment))) with
        {
            Triage = assessment,
            Status = safetyCase.Status == CaseStatus.Received ? CaseStatus.InReview : safetyCase.Status,
        };
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Case {CaseId} triaged: priority {Priority}, route {Route}.")]
    private static partial void LogTriaged(ILogger logger, string caseId, int priority, TriageRoute route);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Information, Message = "Case {CaseId} not triaged: {Why}.")]
    private static partial void LogSkipped(ILogger logger, string caseId, string why);
}
