using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Content;
using ServerlessSafety.Domain.Evidence;
using ServerlessSafety.Domain.Tests.Fakes;

namespace ServerlessSafety.Domain.Tests.Evidence;

public sealed class EvidenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly InMemoryContentVault _vault = new();
    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public async Task Preserve_CopiesEachFileWithACustodyRecordOfItsHashesSourceActorAndTime()
    {
        var safetyCase = await QuarantinedCaseAsync("case-1", 2);

        var preserved = await Preservation().PreserveAsync(safetyCase, "ncmec-escalation");

        Assert.All(preserved, f => Assert.Equal(ContentContainers.Evidence, f.Container));
        foreach (var (original, kept) in safetyCase.Files.Zip(preserved))
        {
            var location = new BlobLocation(kept.Container, kept.BlobName);
            Assert.Equal(original.Sha256, Convert.ToHexStringLower(SHA256.HashData(_vault.Blobs[location.ToString()].Bytes)));
            var custody = Custody(location);
            Assert.Equal((original.Sha256, original.Md5, $"quarantine/{original.BlobName}", "ncmec-escalation", Now, true),
                (custody.Sha256, custody.Md5, custody.Source, custody.Actor, custody.At, custody.Verified));
        }
    }

    [Fact]
    public async Task Preserve_CaseRecord_LeavesOutTheReportersContactAndToken()
    {
        var safetyCase = await QuarantinedCaseAsync("case-2", 1) with { Contact = new ContactChannel(ContactKind.Email, "reporter@example.org"), StatusTokenHash = "ab12" };

        await Preservation().PreserveAsync(safetyCase, "ncmec-escalation");

        var record = Encoding.UTF8.GetString(_vault.Blobs[EvidenceLayout.CaseRecord("case-2").ToString()].Bytes);
        Assert.DoesNotContain("reporter@example.org", record, StringComparison.Ordinal);
        Assert.DoesNotContain("ab12", record, StringComparison.Ordinal);
        Assert.Contains("case-2", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preserve_Again_KeepsTheFirstCustodyRecord()
    {
        var safetyCase = await QuarantinedCaseAsync("case-3", 1);
        await Preservation().PreserveAsync(safetyCase, "first");
        _time.Advance(TimeSpan.FromHours(1));

        var preserved = await Preservation().PreserveAsync(safetyCase, "second");

        var custody = Custody(new BlobLocation(preserved[0].Container, preserved[0].BlobName));
        Assert.Equal(("first", Now), (custody.Actor, custody.At));
    }

    [Fact]
    public async Task Preserve_QuarantineReleasedAlready_ChecksTheEvidenceCopyInstead()
    {
        var safetyCase = await QuarantinedCaseAsync("case-4", 1);
        var preservation = Preservation();
        var preserved = await preservation.PreserveAsync(safetyCase, "a");
        await preservation.ReleaseQuarantineAsync(safetyCase.Files, safetyCase with { Files = preserved });

        var again = await preservation.PreserveAsync(safetyCase, "b");

        Assert.Equal(preserved, again);
        Assert.DoesNotContain(_vault.Blobs.Keys, k => k.StartsWith("quarantine/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Preserve_BytesDifferFromTheRecordedHashes_Throws()
    {
        var safetyCase = await QuarantinedCaseAsync("case-5", 1);
        var file = safetyCase.Files[0];
        await _vault.WriteAsync(new BlobLocation(file.Container, file.BlobName), new MemoryStream([9, 9, 9]), "image/jpeg", overwrite: true);

        await Assert.ThrowsAsync<EvidenceIntegrityException>(() => Preservation().PreserveAsync(safetyCase, "a"));
    }

    [Fact]
    public async Task Preserve_FileInNeitherContainer_Throws()
    {
        var safetyCase = await QuarantinedCaseAsync("case-6", 1);
        await _vault.DeleteAsync(new BlobLocation(safetyCase.Files[0].Container, safetyCase.Files[0].BlobName));

        await Assert.ThrowsAsync<EvidenceIntegrityException>(() => Preservation().PreserveAsync(safetyCase, "a"));
    }

    [Fact]
    public async Task Export_ZipHoldsEveryItemAndItsHashesCheckOut()
    {
        var safetyCase = await QuarantinedCaseAsync("case-7", 2);
        await Preservation().PreserveAsync(safetyCase, "a");
        using var zipBytes = new MemoryStream();

        var manifest = await new EvidenceExport(_vault, _time).ExportAsync("case-7", zipBytes, "operator-1");

        Assert.True(manifest.AllVerified);
        using var zip = new ZipArchive(new MemoryStream(zipBytes.ToArray()), ZipArchiveMode.Read);
        var sums = new StreamReader(zip.GetEntry(EvidenceManifest.ChecksumsFileName)!.Open()).ReadToEnd()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split("  ", 2)).ToDictionary(p => p[1], p => p[0]);
        Assert.Equal(2 + 2 + 2, sums.Count); // two files, the case record, a custody record for each
        foreach (var (path, sha256) in sums)
        {
            using var entry = new MemoryStream();
            zip.GetEntry(path)!.Open().CopyTo(entry);
            Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(entry.ToArray())));
        }

        Assert.All(safetyCase.Files, f => Assert.Contains($"files/{f.Sha256}", sums.Keys));
        Assert.Contains(_vault.Blobs.Keys, k => k.StartsWith($"evidence/cases/case-7/exports/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_EvidenceChangedAfterItsCustodyRecord_IsMarkedNotMatching()
    {
        var safetyCase = await QuarantinedCaseAsync("case-8", 1);
        await Preservation().PreserveAsync(safetyCase, "a");
        var evidence = EvidenceLayout.File("case-8", safetyCase.Files[0].Sha256);
        await _vault.WriteAsync(evidence, new MemoryStream([1]), "image/jpeg", overwrite: true);

        var manifest = await new EvidenceExport(_vault, _time).ExportAsync("case-8", new MemoryStream(), "operator-1");

        Assert.False(manifest.AllVerified);
        Assert.False(manifest.Entries.Single(e => e.Path == $"files/{safetyCase.Files[0].Sha256}").MatchesCustody);
    }

    [Fact]
    public async Task Export_NothingKept_Throws()
        => await Assert.ThrowsAsync<InvalidOperationException>(() => new EvidenceExport(_vault, _time).ExportAsync("case-none", new MemoryStream(), "operator-1"));

    private EvidencePreservation Preservation() => new(_vault, _time);

    private CustodyRecord Custody(BlobLocation item)
        => JsonSerializer.Deserialize<CustodyRecord>(_vault.Blobs[EvidenceLayout.Custody(item).ToString()].Bytes, EvidenceJson.Options)!;

    private async Task<SafetyCase> QuarantinedCaseAsync(string caseId, int files)
    {
        var list = new List<CaseFile>();
        for (var i = 0; i < files; i++)
        {
            var bytes = Encoding.UTF8.GetBytes($"{caseId} bytes {i}");
            await _vault.WriteAsync(new BlobLocation(ContentContainers.Quarantine, $"{caseId}-{i}"), new MemoryStream(bytes), "image/png");
            list.Add(new CaseFile(ContentContainers.Quarantine, $"{caseId}-{i}", "image/png", bytes.Length,
                Convert.ToHexStringLower(SHA256.HashData(bytes)), Convert.ToHexStringLower(MD5.HashData(bytes))));
        }

        return new SafetyCase
        {
            Id = caseId,
            Category = "csam",
            Origin = CaseOrigin.UploadMatch,
            OpenedAt = Now,
            DueBy = Now.AddHours(48),
            Subject = new ReportedSubject(null, $"{caseId}-0", null, null),
            Files = list,
        };
    }
}
