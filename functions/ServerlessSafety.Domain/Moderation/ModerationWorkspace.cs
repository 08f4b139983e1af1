using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Content;
using ServerlessSafety.Domain.Moderation.Audit;
using ServerlessSafety.Domain.Moderation.Queue;
using ServerlessSafety.Domain.Offenders;
using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Domain.Moderation;

/// <summary>
/// What the moderators' pages read: the queue (from its view, brought up to date first), a case (each view recorded
/// on the case's timeline and in the audit log), one file revealed on request (recorded too, counted against the
/// moderator's day, and marked as viewed by a person for the NCMEC report), and the file's bytes.
/// </summary>
public sealed class ModerationWorkspace
{
    // A queue read applies at most this many pages of pending changes first, waiting at most this long for a run
    // already under way; the timer applies the rest.
    private const int CatchUpPagesPerRead = 4;
    private static readonly TimeSpan CatchUpPatience = TimeSpan.FromSeconds(2);

    private readonly ICaseStore _cases;
    private readonly IOffenderStore _offenders;
    private readonly IContentVault _vault;
    private readonly IQueueView _queue;
    private readonly QueueProjection _projection;
    private readonly ModeratorActivity _activity;
    private readonly SafetyPolicy _policy;
    private readonly TimeProvider _time;

    /// <summary>Creates the workspace.</summary>
    public ModerationWorkspace(ICaseStore cases, IOffenderStore offenders, IContentVault vault, IQueueView queue, QueueProjection projection, ModeratorActivity activity, SafetyPolicy policy, TimeProvider time)
    {
        _cases = cases;
        _offenders = offenders;
        _vault = vault;
        _queue = queue;
        _projection = projection;
        _activity = activity;
        _policy = policy;
        _time = time;
    }

    /// <summary>Open cases, highest priority first, then nearest deadline, and the moderator's day.</summary>
    public async Task<QueueSnapshot> ListQueueAsync(QueueFilter filter, string moderatorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await _projection.CatchUpAsync(CatchUpPagesPerRead, CatchUpPatience, cancellationToken);
        var entries = await _queue.ListOpenAsync(filter.Bounded(), cancellationToken);
        var now = _time.GetUtcNow();
        return new QueueSnapshot(entries.Select(e => QueueItem.From(e, _policy, now)).ToList(), await _activity.TodayAsync(moderatorId, cancellationToken));
    }

    /// <summary>
    /// Takes the first case of the filtered queue that no other moderator holds, for <paramref name="moderatorId"/>,
    /// with a lease of <see cref="CaseClaim.Lease"/>; null when every such case is held. A moderator past the day's
    /// exposure limit is not handed cases with images or video; one who still holds a case gets that case again.
    /// </summary>
    /// <remarks>
    /// The claim is an ETag-conditional update of the case itself, not of the view: of two moderators claiming one
    /// case at once, the second rereads it, finds the first one's claim, writes nothing and goes on to the next case.
    /// </remarks>
    public async Task<QueueItem?> ClaimNextAsync(string moderatorId, QueueFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await _projection.CatchUpAsync(CatchUpPagesPerRead, CatchUpPatience, cancellationToken);
        var spared = (await _activity.TodayAsync(moderatorId, cancellationToken)).LimitReached;
        var entries = await _queue.ListOpenAsync(filter.Bounded() with { Limit = QueueFilter.MaxLimit }, cancellationToken);

        // One case at a time: a moderator who still holds one is given it again rather than a second.
        if (entries.FirstOrDefault(e => e.Claim is { } held && held.ModeratorId == moderatorId && held.IsActiveAt(_time.GetUtcNow())) is { } own
            && await _cases.GetAsync(own.Id, cancellationToken) is { IsResolved: false, Claim: { } claim } current
            && claim.ModeratorId == moderatorId && claim.IsActiveAt(_time.GetUtcNow()))
        {
            return QueueItem.From(QueueEntry.From(current), _policy, _time.GetUtcNow());
        }

        foreach (var entry in entries)
        {
            var now = _time.GetUtcNow();
            if (entry.Claim?.IsActiveAt(now) == true || (spared && entry.HasGraphicMedia))
            {
                continue;
            }

            var saved = await _cases.UpdateAsync(
                entry.Id,
                c => c.IsResolved || c.Claim?.BlocksOthersThan(moderatorId, now) == true
                    ? c
                    : c.With(Entry(ModerationEvents.Claimed, moderatorId, "taken from the queue")) with { Claim = new CaseClaim(moderatorId, now + CaseClaim.Lease) },
                cancellationToken);
            var claimed = saved is { IsResolved: false } ? QueueItem.From(QueueEntry.From(saved), _policy, now) : null;
            if (claimed?.ClaimedBy == moderatorId)
            {
                await _activity.RecordAsync(entry.Id, moderatorId, ModerationEvents.Claimed, "taken from the queue", cancellationToken);
                return claimed;
            }
        }

        return null;
    }

    /// <summary>
    /// Opens a case for a moderator and records the view; renews the moderator's own claim on it. Null when there is
    /// no such case.
    /// </summary>
    public Task<CaseView?> OpenCaseAsync(string caseId, string moderatorId, bool hashOnly, CancellationToken cancellationToken = default)
        => RecordAndViewAsync(
            caseId,
            moderatorId,
            c => c.With(Entry(ModerationEvents.Viewed, moderatorId, hashOnly ? "hash-only view" : "case opened")) with
            {
                Claim = c.Claim?.ModeratorId == moderatorId ? c.Claim with { Until = _time.GetUtcNow() + CaseClaim.Lease } : c.Claim,
            },
            null,
            hashOnly,
            cancellationToken);

    /// <summary>
    /// Reveals one file of the case to a moderator: recorded on the timeline and on the file. Null when there is no
    /// such case or file.
    /// </summary>
    public async Task<CaseView?> RevealAsync(string caseId, string fileSha256, string moderatorId, CancellationToken cancellationToken = default)
    {
        var current = await _cases.GetAsync(caseId, cancellationToken);
        if (current?.Files.Any(f => f.Sha256 == fileSha256) != true)
        {
            return null;
        }

        return await RecordAndViewAsync(
            caseId,
            moderatorId,
            c => c.With(Entry(ModerationEvents.Revealed, moderatorId, $"revealed file sha256 {fileSha256[..Math.Min(12, fileSha256.Length)]}")) with
            {
                Files = c.Files.Select(f => f.Sha256 == fileSha256 ? f with { ViewedByPerson = true } : f).ToList(),
            },
            fileSha256,
            hashOnly: false,
            cancellationToken);
    }

    /// <summary>A file of the case, or null when the case has no such file or the blob is gone.</summary>
    public async Task<(CaseFile File, Stream Content)?> OpenFileAsync(string caseId, string fileSha256, CancellationToken cancellationToken = default)
    {
        var file = (await _cases.GetAsync(caseId, cancellationToken))?.Files.FirstOrDefault(f => f.Sha256 == fileSha256);
        if (file is null)
        {
            return null;
        }

        var content = await _vault.OpenReadAsync(new BlobLocation(file.Container, file.BlobName), cancellationToken);
        return content is null ? null : (file, content);
    }

    private async Task<CaseView?> RecordAndViewAsync(string caseId, string moderatorId, Func<SafetyCase, SafetyCase> record, string? revealed, bool hashOnly, CancellationToken cancellationToken)
    {
        var saved = await _cases.UpdateAsync(caseId, record, cancellationToken);
        if (saved is null)
        {
            return null;
        }

        // The change just appended this request's event; the audit log and the day's counts take the same one.
        var recorded = saved.Timeline[^1];
        var today = await _activity.RecordAsync(caseId, moderatorId, recorded.Kind, recorded.Detail ?? string.Empty, cancellationToken)
            ?? await _activity.TodayAsync(moderatorId, cancellationToken);
        var offender = saved.Subject.Account is { } account ? await _offenders.GetAsync(account, cancellationToken) : null;
        var category = _policy.GetCategory(saved.Category);
        var audit = await _activity.ReadAuditAsync(new AuditQuery(caseId, Limit: AuditQuery.MaxLimit), cancellationToken);
        return new CaseView(saved with { Contact = null, StatusTokenHash = null }, category, offender, revealed, hashOnly, _time.GetUtcNow(), audit, today);
    }

    private CaseEvent Entry(string kind, string moderatorId, string detail) => new(_time.GetUtcNow(), kind, null, moderatorId, detail);
}
