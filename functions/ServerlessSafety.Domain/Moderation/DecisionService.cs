using Microsoft.Extensions.Logging;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Offenders;
using ServerlessSafety.Domain.Pipeline;
using ServerlessSafety.Domain.Policy;
using ServerlessSafety.Domain.Sla;

namespace ServerlessSafety.Domain.Moderation;

/// <summary>
/// Applies a moderator's decision: records the resolution on the case (which claims the decision: a second, different
/// decision is refused), then applies the account's consequence and emits the enforcement event, requests the
/// CyberTipline report when the policy requires it, and stops the case's SLA clock.
/// </summary>
/// <remarks>
/// If a step after the resolution fails, the moderator sends the same decision again: every later step is idempotent
/// (one strike per case, stable event ids and deduplication keys), so the retry completes the work without doubling it.
/// </remarks>
public sealed partial class DecisionService
{
    private readonly ICaseStore _cases;
    private readonly OffenderEnforcement _enforcement;
    private readonly ICaseWorkQueue _queue;
    private readonly ModeratorActivity _activity;
    private readonly SafetyPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger<DecisionService> _logger;

    /// <summary>Creates the service.</summary>
    public DecisionService(ICaseStore cases, OffenderEnforcement enforcement, ICaseWorkQueue queue, ModeratorActivity activity, SafetyPolicy policy, TimeProvider time, ILogger<DecisionService> logger)
    {
        _cases = cases;
        _enforcement = enforcement;
        _queue = queue;
        _activity = activity;
        _policy = policy;
        _time = time;
        _logger = logger;
    }

    /// <summary>The deduplication key of the escalation a decision requests.</summary>
    public static string EscalationKey(string caseId) => $"{caseId}:{PipelineQueue.NcmecEscalation}:moderator-decision";

    /// <summary>Applies <paramref name="decision"/> to the case on behalf of <paramref name="moderatorId"/>.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="moderatorId">Who decided.</param>
    /// <param name="clock">The case's SLA clock (made per invocation in the app: the durable client comes from a binding).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<DecisionResult> DecideAsync(string caseId, ModerationDecision decision, string moderatorId, ICaseSlaClock clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(clock);
        var current = await _cases.GetAsync(caseId, cancellationToken);
        if (current is null)
        {
            return new DecisionResult(DecisionStatus.NotFound, null, ["No such case."]);
        }

        var problems = decision.Check(current);
        if (problems.Count > 0)
        {
            return new DecisionResult(DecisionStatus.Invalid, current, problems);
        }

        var category = _policy.GetCategory(current.Category);
        var now = _time.GetUtcNow();
        var resolution = new CaseResolution(decision.Outcome, _policy.ResolutionNotices[decision.Outcome], now, moderatorId);
        var saved = (await _cases.UpdateAsync(caseId, c => c.IsResolved ? c : Resolve(c, resolution, decision), cancellationToken))!;
        if (!IsSameDecision(saved.Resolution!, resolution))
        {
            await clock.NotifyResolvedAsync(caseId, cancellationToken);
            return new DecisionResult(DecisionStatus.AlreadyResolved, saved, ["The case was already resolved."]);
        }

        OffenderStrike? strike = null;
        if (saved.Subject.Account is { } account)
        {
            if (decision.ApplyConsequence)
            {
                strike = await _enforcement.ApplyStrikeAsync(account, category.Id, caseId, cancellationToken);
                saved = await AppendOnceAsync(caseId, ModerationEvents.ConsequenceApplied, moderatorId, $"ladder step {strike.Step + 1}: {new ConsequenceStep(strike.Action, strike.Duration).Describe()}", cancellationToken);
            }
            else
            {
                await _enforcement.RecordCaseAsync(account, caseId, cancellationToken);
            }
        }

        var reportToNcmec = decision.Outcome != ResolutionOutcome.NoViolation && (decision.ReportToNcmec || category.RequiresNcmecReport(saved.InvolvesMinor));
        if (reportToNcmec)
        {
            await _queue.SendAsync(PipelineQueue.NcmecEscalation, new CaseWorkItem(caseId, "moderator-decision"), EscalationKey(caseId), cancellationToken);
            saved = await AppendOnceAsync(caseId, ModerationEvents.NcmecRequested, moderatorId, decision.ReportToNcmec ? "requested by the moderator" : "required by the policy", cancellationToken);
        }

        await _activity.RecordAsync(caseId, moderatorId, ModerationEvents.Decided, saved.Timeline.Last(e => e.Kind == ModerationEvents.Decided).Detail ?? string.Empty, cancellationToken);
        await clock.NotifyResolvedAsync(caseId, cancellationToken);
        LogDecided(_logger, caseId, decision.Outcome, strike is not null, reportToNcmec);
        return new DecisionResult(DecisionStatus.Resolved, saved, [], strike, reportToNcmec);
    }

    private static SafetyCase Resolve(SafetyCase safetyCase, CaseResolution resolution, ModerationDecision decision)
    {
        var detail = $"outcome {resolution.Outcome}; consequence {(decision.ApplyConsequence ? "applies" : "none")}; reason: {decision.Note.Trim()}";
        return safetyCase.With(new CaseEvent(resolution.ResolvedAt, ModerationEvents.Decided, resolution.Summary, resolution.ResolvedBy, detail)) with
        {
            Resolution = resolution,
            Status = CaseStatus.Resolved,
        };
    }

    // The same moderator sending the same outcome again is a retry; anything else lost the race to another decision.
    private static bool IsSameDecision(CaseResolution stored, CaseResolution attempted)
        => stored == attempted || (stored.ResolvedBy == attempted.ResolvedBy && stored.Outcome == attempted.Outcome);

    private async Task<SafetyCase> AppendOnceAsync(string caseId, string kind, string moderatorId, string detail, CancellationToken cancellationToken)
        => (await _cases.UpdateAsync(
            caseId,
            c => c.Timeline.Any(e => e.Kind == kind) ? c : c.With(new CaseEvent(_time.GetUtcNow(), kind, null, moderatorId, detail)),
            cancellationToken))!;

    [LoggerMessage(EventId = 7401, Level = LogLevel.Information, Message = "Case {CaseId} decided: {Outcome}; consequence applied {Consequence}; NCMEC report {Ncmec}.")]
    private static partial void LogDecided(ILogger logger, string caseId, ResolutionOutcome outcome, bool consequence, bool ncmec);
}
