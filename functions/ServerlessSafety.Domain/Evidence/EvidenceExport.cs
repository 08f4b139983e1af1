using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ServerlessSafety.Domain.Content;

namespace ServerlessSafety.Domain.Evidence;

/// <summary>
/// Bundles a case's evidence for a law enforcement request: a ZIP of everything kept for the case (files, custody
/// records, the case record, the report as sent) with a manifest and a <c>SHA256SUMS</c> file, each item checked against
/// its custody record. Each export is itself recorded in the evidence container.
/// </summary>
public sealed class EvidenceExport
{
    private readonly IContentVault _vault;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    public EvidenceExport(IContentVault vault, TimeProvider time)
    {
        _vault = vault;
        _time = time;
    }

    /// <summary>Writes the ZIP of case <paramref name="caseId"/> to <paramref name="output"/>; returns its manifest.</summary>
    /// <exception cref="InvalidOperationException">Nothing is kept for the case.</exception>
    public async Task<EvidenceManifest> ExportAsync(string caseId, Stream output, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        ArgumentNullException.ThrowIfNull(output);
        var prefix = EvidenceLayout.CasePrefix(caseId);
        var blobs = new List<StoredBlob>();
        await foreach (var blob in _vault.ListAsync(ContentContainers.Evidence, prefix, cancellationToken))
        {
            blobs.Add(blob);
        }

        if (blobs.Count == 0)
        {
            throw new InvalidOperationException($"No evidence is kept for case {caseId}.");
        }

        var digests = new Dictionary<string, ContentDigest>(StringComparer.Ordinal);
        var custody = new Dictionary<string, CustodyRecord>(StringComparer.Ordinal);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var blob in blobs.OrderBy(b => b.Location.Name, StringComparer.Ordinal))
            {
                var path = blob.Location.Name[prefix.Length..];
                await using var content = await _vault.OpenReadAsync(blob.Location, cancellationToken)
                    ?? throw new InvalidOperationException($"{blob.Location} vanished during the export.");
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                await using var entryStream = await entry.OpenAsync(cancellationToken);
                using var copy = path.EndsWith(EvidenceLayout.CustodySuffix, StringComparison.Ordinal) ? new MemoryStream() : null;
                digests[path] = await ContentDigest.ComputeAsync(content, copy is null ? entryStream : copy, cancellationToken);
                if (copy is not null)
                {
                    await entryStream.WriteAsync(copy.ToArray(), cancellationToken);
                    custody[path[..^EvidenceLayout.CustodySuffix.Length]] = JsonSerializer.Deserialize<CustodyRecord>(copy.ToArray(), EvidenceJson.Options)!;
                }
            }

            var manifest = new EvidenceManifest(
                caseId,
                Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
                _time.GetUtcNow(),
                actor,
                digests.Select(d => new EvidenceManifestEntry(
                    d.Key,
                    d.Value.Length,
                    d.Value.Sha256,
                    d.Value.Md5,
                    custody.TryGetValue(d.Key, out var record) ? d.Value.Matches(record.Sha256, record.Md5) : null)).ToList());
            var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, EvidenceJson.Options);
            await WriteEntryAsync(zip, EvidenceManifest.FileName, manifestBytes, cancellationToken);
            var sums = string.Concat(manifest.Entries.Select(e => $"{e.Sha256}  {e.Path}\n"));
            await WriteEntryAsync(zip, EvidenceManifest.ChecksumsFileName, Encoding.UTF8.GetBytes(sums), cancellationToken);
            await _vault.WriteAsync(
                EvidenceLayout.Export(caseId, manifest.ExportedAt, manifest.ExportId),
                new MemoryStream(manifestBytes, writable: false),
                "application/json",
                cancellationToken: cancellationToken);
            return manifest;
        }
    }

    private static async Task WriteEntryAsync(ZipArchive zip, string name, byte[] bytes, CancellationToken cancellationToken)
    {
        await using var stream = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(cancellationToken);
        await stream.WriteAsync(bytes, cancellationToken);
    }
}
