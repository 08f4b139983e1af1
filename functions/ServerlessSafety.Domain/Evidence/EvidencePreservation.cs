using System.Text.Json;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Content;

namespace ServerlessSafety.Domain.Evidence;

/// <summary>
/// Copies a case's files and its case record into the <c>evidence</c> container, each with a chain-of-custody record,
/// and reads every copy back to check its hashes before anything is reported.
/// </summary>
/// <remarks>
/// Safe to run again after a crash: a copy already made is checked rather than made twice, and a custody record already
/// written is kept (the first one tells when the item really moved). Files leave <c>quarantine</c> only here, and only
/// after the case records their new place (<see cref="ReleaseQuarantineAsync"/>).
/// </remarks>
public sealed class EvidencePreservation
{
    private readonly IContentVault _vault;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    public EvidencePreservation(IContentVault vault, TimeProvider time)
    {
        _vault = vault;
        _time = time;
    }

    /// <summary>
    /// Preserves every file of <paramref name="safetyCase"/> and the case record; returns the files as they are now
    /// held (in <c>evidence</c>), for the caller to record on the case.
    /// </summary>
    /// <exception cref="EvidenceIntegrityException">A file is gone or its copy does not match the case's hashes.</exception>
    public async Task<IReadOnlyList<CaseFile>> PreserveAsync(SafetyCase safetyCase, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(safetyCase);
        var preserved = new List<CaseFile>();
        foreach (var file in safetyCase.Files)
        {
            preserved.Add(await PreserveFileAsync(safetyCase.Id, file, actor, cancellationToken));
        }

        await PreserveCaseRecordAsync(safetyCase, actor, cancellationToken);
        return preserved;
    }

    /// <summary>Deletes the quarantined originals of files the case now records in <c>evidence</c>.</summary>
    public async Task ReleaseQuarantineAsync(IEnumerable<CaseFile> originals, SafetyCase recorded, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(originals);
        ArgumentNullException.ThrowIfNull(recorded);
        var inEvidence = recorded.Files.Where(f => f.Container == ContentContainers.Evidence).Select(f => f.Sha256).ToHashSet(StringComparer.Ordinal);
        foreach (var original in originals.Where(f => f.Container == ContentContainers.Quarantine && inEvidence.Contains(f.Sha256)))
        {
            await _vault.DeleteAsync(new BlobLocation(original.Container, original.BlobName), cancellationToken);
        }
    }

    /// <summary>
    /// Keeps a document the platform sent (the report, a file's details) at <paramref name="location"/> with a custody
    /// record, unless one is kept there already; returns the bytes kept, which are the ones to send.
    /// </summary>
    public async Task<byte[]> KeepDocumentAsync(string caseId, BlobLocation location, byte[] document, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(document);
        if (await _vault.GetAsync(location, cancellationToken) is null)
        {
            await WriteOnceAsync(location, document, "application/xml", cancellationToken);
        }

        using var kept = new MemoryStream();
        await using (var content = await _vault.OpenReadAsync(location, cancellationToken)
            ?? throw new EvidenceIntegrityException(caseId, location.ToString(), "the document cannot be read back"))
        {
            var digest = await ContentDigest.ComputeAsync(content, kept, cancellationToken);
            await WriteCustodyOnceAsync(new CustodyRecord(
                caseId, location.ToString(), "rendered", digest.Sha256, digest.Md5, digest.Length, "application/xml", actor, _time.GetUtcNow(), Verified: true),
                location, cancellationToken);
        }

        return kept.ToArray();
    }

    private async Task<CaseFile> PreserveFileAsync(string caseId, CaseFile file, string actor, CancellationToken cancellationToken)
    {
        var source = new BlobLocation(file.Container, file.BlobName);
        var target = EvidenceLayout.File(caseId, file.Sha256);
        if (source != target)
        {
            if (await _vault.GetAsync(source, cancellationToken) is not null)
            {
                await _vault.CopyAsync(source, target, new Dictionary<string, string> { ["caseId"] = caseId, ["sha256"] = file.Sha256 }, cancellationToken);
            }
            else if (await _vault.GetAsync(target, cancellationToken) is null)
            {
                throw new EvidenceIntegrityException(caseId, source.ToString(), "the file is in neither quarantine nor evidence");
            }
        }

        var digest = await DigestAsync(caseId, target, cancellationToken);
        if (!digest.Matches(file.Sha256, file.Md5))
        {
            throw new EvidenceIntegrityException(caseId, target.ToString(), $"the copy hashes to SHA-256 {digest.Sha256[..8]}…, not the recorded {file.Sha256[..Math.Min(8, file.Sha256.Length)]}…");
        }

        await WriteCustodyOnceAsync(new CustodyRecord(
            caseId, target.ToString(), source.ToString(), digest.Sha256, digest.Md5, digest.Length, file.ContentType, actor, _time.GetUtcNow(), Verified: true),
            target, cancellationToken);
        return file with { Container = target.Container, BlobName = target.Name };
    }

    private async Task PreserveCaseRecordAsync(SafetyCase safetyCase, string actor, CancellationToken cancellationToken)
    {
        var target = EvidenceLayout.CaseRecord(safetyCase.Id);
        if (await _vault.GetAsync(target, cancellationToken) is null)
        {
            // The reporter's contact and token hash say nothing about the offense; they are not kept for a year.
            var record = safetyCase with { Contact = null, StatusTokenHash = null };
            var bytes = JsonSerializer.SerializeToUtf8Bytes(record, EvidenceJson.Options);
            await WriteOnceAsync(target, bytes, "application/json", cancellationToken);
        }

        var digest = await DigestAsync(safetyCase.Id, target, cancellationToken);
        await WriteCustodyOnceAsync(new CustodyRecord(
            safetyCase.Id, target.ToString(), "case-store", digest.Sha256, digest.Md5, digest.Length, "application/json", actor, _time.GetUtcNow(), Verified: true),
            target, cancellationToken);
    }

    private async Task<ContentDigest> DigestAsync(string caseId, BlobLocation location, CancellationToken cancellationToken)
    {
        await using var content = await _vault.OpenReadAsync(location, cancellationToken)
            ?? throw new EvidenceIntegrityException(caseId, location.ToString(), "the copy cannot be read back");
        return await ContentDigest.ComputeAsync(content, cancellationToken: cancellationToken);
    }

    private async Task WriteCustodyOnceAsync(CustodyRecord record, BlobLocation item, CancellationToken cancellationToken)
    {
        var location = EvidenceLayout.Custody(item);
        if (await _vault.GetAsync(location, cancellationToken) is null)
        {
            await WriteOnceAsync(location, JsonSerializer.SerializeToUtf8Bytes(record, EvidenceJson.Options), "application/json", cancellationToken);
        }
    }

    private async Task WriteOnceAsync(BlobLocation location, byte[] bytes, string contentType, CancellationToken cancellationToken)
    {
        try
        {
            await _vault.WriteAsync(location, new MemoryStream(bytes, writable: false), contentType, overwrite: false, cancellationToken: cancellationToken);
        }
        catch (Exception)
        {
            // Another delivery may have written it first; then the first write stands.
            if (await _vault.GetAsync(location, cancellationToken) is null)
            {
                throw;
            }
        }
    }
}
