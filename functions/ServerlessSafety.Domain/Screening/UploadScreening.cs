using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Banks;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Content;
using ServerlessSafety.Domain.Pipeline;
using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Domain.Screening;

/// <summary>
/// Screens one upload: hashes it, matches the bank, and on a match moves it to <c>quarantine</c>, opens the
/// upload's case and sends it to triage, all before anyone is shown the upload. Every upload ends with one
/// <see cref="ScreeningRecord"/>.
/// </summary>
/// <remarks>
/// Blob triggers deliver at least once, so every step is idempotent and keyed by the upload name: the copy to
/// quarantine leaves an identical copy as it is, the case id is <see cref="UploadKey.CaseIdFor"/>, the record id is
/// <see cref="UploadKey.For"/> and the triage message carries a fixed deduplication key. A run stopped after the
/// move finds the upload in quarantine and finishes from there.
/// </remarks>
public sealed class UploadScreening
{
    /// <summary>The case timeline kind of a blocked upload.</summary>
    public const string UploadMatchedKind = "upload-matched";

    private const string Actor = "screening";

    private readonly IContentVault _vault;
    private readonly UploadHasher _hasher;
    private readonly BankMatcher _matcher;
    private readonly BankCatalog _catalog;
    private readonly ICaseStore _cases;
    private readonly ICaseWorkQueue _queue;
    private readonly IScreeningStore _screenings;
    private readonly SafetyPolicy _policy;
    private readonly ScreeningOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<UploadScreening> _logger;

    /// <summary>Creates the screening service.</summary>
    public UploadScreening(
        IContentVault vault,
        UploadHasher hasher,
        BankMatcher matcher,
        BankCatalog catalog,
        ICaseStore cases,
        ICaseWorkQueue queue,
        IScreeningStore screenings,
        SafetyPolicy policy,
        IOptions<ScreeningOptions> options,
        TimeProvider time,
        ILogger<UploadScreening> logger)
    {
        _vault = vault;
        _hasher = hasher;
        _matcher = matcher;
        _catalog = catalog;
        _cases = cases;
        _queue = queue;
        _screenings = screenings;
        _policy = policy;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Screens the upload named <paramref name="uploadName"/> in <c>uploads</c>; null when it is gone and was never screened.</summary>
    public async Task<ScreeningRecord?> ScreenAsync(string uploadName, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        var key = UploadKey.For(uploadName);
        var upload = new BlobLocation(ContentContainers.Uploads, uploadName);
        var held = new BlobLocation(ContentContainers.Quarantine, uploadName);

        var location = upload;
        var blob = await _vault.GetAsync(upload, cancellationToken);
        if (blob is null)
        {
            // Moved by an earlier run of this upload: finish that run, or return what it recorded.
            if (await _screenings.GetAsync(key, cancellationToken) is { } earlier)
            {
                return earlier;
            }

            location = held;
            blob = await _vault.GetAsync(held, cancellationToken);
            if (blob is null)
            {
                Log.UploadMissing(_logger, key);
                return null;
            }
        }

        var read = _time.GetTimestamp();
        var content = blob.Length > _options.MaxUploadBytes ? null : await ReadAsync(location, blob.Length, cancellationToken);
        var hashing = _time.GetTimestamp();
        var hashed = content is null
            ? new HashedUpload(new UploadHashes(blob.Length, null, null, null, null), null, Signals.Hashing.UnhashableReason.TooManyBytes)
            : _hasher.Hash(content);
        var matching = _time.GetTimestamp();
        var outcome = await _matcher.MatchAsync(hashed.Hashes, hashed.PdqVariants, cancellationToken);
        var matched = _time.GetTimestamp();

        var result = outcome.IsMatch ? ScreeningResult.Blocked
            : hashed.Unhashable is not null ? ScreeningResult.Unhashable
            : ScreeningResult.Clean;
        var hold = result == ScreeningResult.Blocked || (result == ScreeningResult.Unhashable && _options.Unhashable == UnhashableHandling.Quarantine);
        if (hold && location == upload)
        {
            await _vault.CopyAsync(upload, held, new Dictionary<string, string> { ["uploadKey"] = key, ["screening"] = result.ToString() }, cancellationToken);
            await _vault.DeleteAsync(upload, cancellationToken);
        }

        string? caseId = null;
        if (result == ScreeningResult.Blocked)
        {
            caseId = await OpenCaseAsync(uploadName, blob, hashed.Hashes, outcome, cancellationToken);
        }

        var record = new ScreeningRecord
        {
            Id = key,
            Upload = uploadName,
            Result = result,
            UnhashableReason = result == ScreeningResult.Unhashable ? hashed.Unhashable.ToString() : null,
            Hashes = hashed.Hashes,
            Matches = outcome.Blocking,
            Suppressed = outcome.Suppressed,
            HeldAt = hold ? held : null,
            CaseId = caseId,
            ScreenedAt = _time.GetUtcNow(),
            Timings = new ScreeningTimings(
                _time.GetElapsedTime(read, hashing).TotalMilliseconds,
                _time.GetElapsedTime(hashing, matching).TotalMilliseconds,
                _time.GetElapsedTime(matching, matched).TotalMilliseconds,
                _time.GetElapsedTime(started).TotalMilliseconds),
        };
        await _screenings.SaveAsync(record, cancellationToken);

        if (caseId is not null)
        {
            await _queue.SendAsync(PipelineQueue.Triage, new CaseWorkItem(caseId, UploadMatchedKind), $"{caseId}:triage:{UploadMatchedKind}", cancellationToken);
            var best = outcome.Blocking[0];
            Log.Blocked(_logger, key, best.SignalType, best.MatchedValue[..8], best.Bank, best.Distance, caseId);
        }

        Log.Screened(_logger, key, result, record.Timings.TotalMs);
        return record;
    }

    private async Task<byte[]?> ReadAsync(BlobLocation location, long length, CancellationToken cancellationToken)
    {
        await using var stream = await _vault.OpenReadAsync(location, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        // Read at most one byte past the limit: a blob that grew since it was described is refused, not buffered.
        var buffer = new MemoryStream((int)Math.Min(length, _options.MaxUploadBytes));
        var chunk = new byte[81920];
        int count;
        while ((count = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + count > _options.MaxUploadBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, count);
        }

        return buffer.ToArray();
    }

    private async Task<string> OpenCaseAsync(string uploadName, StoredBlob blob, UploadHashes hashes, BankMatchOutcome outcome, CancellationToken cancellationToken)
    {
        var caseId = UploadKey.CaseIdFor(uploadName);
        var best = outcome.Blocking[0];
        var category = _catalog.Find(best.Bank)?.Category ?? _options.DefaultCategory;
        var now = _time.GetUtcNow();
        var resolveWithin = _policy.FindCategory(category)?.ResolveWithin ?? TimeSpan.FromHours(48);
        var safetyCase = new SafetyCase
        {
            Id = caseId,
            Category = category,
            Origin = CaseOrigin.UploadMatch,
            OpenedAt = now,
            DueBy = now + resolveWithin,
            Subject = new ReportedSubject(null, uploadName, null, null),
            // Material from a child-abuse list is treated as involving a minor, which NCMEC reporting depends on.
            InvolvesMinor = category == "csam",
            Hashes = ToContentHashes(hashes),
            Files = hashes.Sha256 is null || hashes.Md5 is null
                ? []
                : [new CaseFile(ContentContainers.Quarantine, uploadName, blob.ContentType, hashes.Length, hashes.Sha256, hashes.Md5)],
            Matches = outcome.Blocking
                .Select(m => new BankMatchRecord(uploadName, m.SignalType, m.MatchedValue, m.Bank, m.Distance, m.BankKind == BankKind.Verified, m.Membership.CaseId))
                .ToList(),
            Timeline = [new CaseEvent(now, UploadMatchedKind, null, Actor, $"{best.SignalType} match in bank {best.Bank} at distance {best.Distance}")],
        };
        await _cases.TryCreateAsync(safetyCase, cancellationToken);

        foreach (var sourceCaseId in outcome.Blocking.Select(m => m.Membership.CaseId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            // The reported case learns that its content came back, once per upload.
            await _cases.UpdateAsync(sourceCaseId, c => c.Timeline.Any(e => e.Kind == UploadMatchedKind && e.Detail == caseId)
                ? c
                : c.With(new CaseEvent(now, UploadMatchedKind, null, Actor, caseId)), cancellationToken);
        }

        return caseId;
    }

    private static IReadOnlyList<ContentHash> ToContentHashes(UploadHashes hashes)
    {
        var list = new List<ContentHash>();
        if (hashes.Sha256 is not null)
        {
            list.Add(new ContentHash(BankSignalTypes.Sha256, hashes.Sha256));
        }

        if (hashes.Md5 is not null)
        {
            list.Add(new ContentHash(BankSignalTypes.Md5, hashes.Md5));
        }

        if (hashes.Pdq is not null)
        {
            list.Add(new ContentHash(BankSignalTypes.Pdq, hashes.Pdq, hashes.PdqQuality));
        }

        return list;
    }
}
