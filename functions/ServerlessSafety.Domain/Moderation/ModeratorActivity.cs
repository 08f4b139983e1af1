using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Moderation.Audit;
using ServerlessSafety.Domain.Moderation.Wellness;

namespace ServerlessSafety.Domain.Moderation;

/// <summary>
/// What a moderator does, written down twice over: in the append-only audit log (who, when, what, why) and in their
/// exposure count for the day, which the pages show and the queue respects.
/// </summary>
public sealed class ModeratorActivity
{
    private readonly IAuditLog _audit;
    private readonly IExposureStore _exposure;
    private readonly WellnessOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the recorder.</summary>
    public ModeratorActivity(IAuditLog audit, IExposureStore exposure, IOptions<WellnessOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _audit = audit;
        _exposure = exposure;
        _options = options.Value;
        _time = time;
    }

    /// <summary>
    /// Records <paramref name="action"/> (one of <see cref="ModerationEvents"/>) on the audit log, counts its exposure
    /// and answers the moderator's day as it stands after it, or null for an action that is not counted (a claim).
    /// </summary>
    public async Task<ExposureToday?> RecordAsync(string caseId, string moderatorId, string action, string detail, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        await _audit.AppendAsync(AuditEntry.Create(caseId, now, moderatorId, action, detail), cancellationToken);
        ExposureKind? kind = action switch
        {
            ModerationEvents.Viewed => ExposureKind.CaseOpened,
            ModerationEvents.Revealed => ExposureKind.FileRevealed,
            ModerationEvents.Decided => ExposureKind.Decision,
            _ => null,
        };
        return kind is { } counted
            ? new ExposureToday(await _exposure.AddAsync(moderatorId, DateOnly.FromDateTime(now.UtcDateTime), counted, cancellationToken), _options.DailyRevealLimit)
            : null;
    }

    /// <summary>The moderator's counts for today (UTC) against the limit.</summary>
    public async Task<ExposureToday> TodayAsync(string moderatorId, CancellationToken cancellationToken = default)
        => new(await _exposure.GetAsync(moderatorId, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime), cancellationToken), _options.DailyRevealLimit);

    /// <summary>Audit entries, newest first.</summary>
    public Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
        => _audit.ReadAsync(query, cancellationToken);
}
