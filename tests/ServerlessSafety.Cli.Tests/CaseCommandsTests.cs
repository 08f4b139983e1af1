using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Content;
using ServerlessSafety.Domain.Evidence;
using ServerlessSafety.Domain.Reporting;
using ServerlessSafety.Domain.Tests.Reporting;
using ServerlessSafety.Storage.Cosmos;
using ServerlessSafety.Testing;
using ServerlessSafety.LocalCyberTipline;

namespace ServerlessSafety.Cli.Tests;

/// <summary>
/// <c>ncmec status|resume|retract</c> and <c>evidence export</c> against Azurite, the local Cosmos DB and the local
/// CyberTipline over real HTTP, through the same settings the app reads.
/// </summary>
public sealed class CaseCommandsTests : IClassFixture<LocalServicesFixture>, IAsyncLifetime
{
    private const string ReporterEmail = "reporter-private@example.org";
    private const string DisplayName = "Private Display Name";

    private readonly LocalServicesFixture _services;
    private readonly string _dir = Directory.CreateTempSubdirectory("safety-cli-").FullName;
    private LocalCyberTiplineServer _tipline = null!;
    private IConfiguration _configuration = null!;
    private ServiceProvider _app = null!;

    public CaseCommandsTests(LocalServicesFixture services)
    {
        _services = services;
    }

    public async Task InitializeAsync()
    {
        _tipline = await LocalCyberTiplineServer.StartAsync(SharedSchema.Schema);
        var o = CyberTiplineExample.Options();
        var settings = new Dictionary<string, string?>
        {
            ["Ncmec:BaseUrl"] = _tipline.BaseUrl.ToString(),
            ["Ncmec:ReporterOrganization"] = o.ReporterOrganization,
            ["Ncmec:ContactFirstName"] = o.ContactFirstName,
            ["Ncmec:ContactLastName"] = o.ContactLastName,
            ["Ncmec:ContactEmail"] = o.ContactEmail,
            ["Ncmec:HttpRetries"] = "1",
            ["Ncmec:RetryDelay"] = "00:00:00.010",
            ["Ncmec:RequestTimeout"] = "00:00:05",
            ["NcmecUsername"] = LocalCyberTiplineServer.User,
            ["NcmecPassword"] = LocalCyberTiplineServer.Password,
            ["CosmosDb:DeclarationPath"] = Path.Combine(RepositoryRoot.Path, "config", "cosmos.json"),
        };
        foreach (var key in new[] { "Uploads", "CosmosDb" })
        {
            if (_services.Settings.TryGetValue(key, out var value))
            {
                settings[key] = value;
            }
        }

        _configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        if (_services.Missing("CosmosDb") is null && _services.Missing("Uploads") is null)
        {
            _app = SafetyServices.Build(_configuration, TextWriter.Null);
            await _app.GetRequiredService<CosmosContainers>().EnsureCreatedAsync();
            foreach (var container in new[] { ContentContainers.Quarantine, ContentContainers.Evidence })
            {
                await _app.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(container).CreateIfNotExistsAsync();
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _tipline.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [SkippableFact]
    public async Task Resume_CaseWhoseEscalationFailed_FinishesOneReport()
    {
        var caseId = await FailedEscalationAsync("finish");

        var run = await CliRun.StartAsync(_configuration, "ncmec", "resume", caseId, "--actor", "operator-7");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(_tipline.FinishedReportsOf(caseId));
        Assert.Equal(1, _tipline.Count("submit"));
        var saved = (await Cases.GetAsync(caseId))!;
        Assert.Equal(NcmecStep.Finished, saved.Ncmec!.Step);
        Assert.Contains(saved.Timeline, e => e.Kind == NcmecEscalationService.ReportedKind && e.Actor == "operator-7");
        Assert.Contains("step Finished", run.Output, StringComparison.Ordinal);
        AssertNoPersonalData(run);
    }

    [SkippableFact]
    public async Task Resume_FinishedCase_SendsNothingAndExitsZero()
    {
        var caseId = await FailedEscalationAsync("finish");
        await CliRun.StartAsync(_configuration, "ncmec", "resume", caseId);
        var calls = _tipline.Calls.Count;

        var run = await CliRun.StartAsync(_configuration, "ncmec", "resume", caseId);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(calls, _tipline.Calls.Count);
    }

    [SkippableFact]
    public async Task Resume_NcmecStillDown_ExitsFiveAndRecordsTheFailure()
    {
        var caseId = await FailedEscalationAsync("upload");
        _tipline.Fail("upload", CyberTiplineFailure.ServerError, times: 10);

        var run = await CliRun.StartAsync(_configuration, "ncmec", "resume", caseId);

        Assert.Equal(5, run.ExitCode);
        Assert.Equal(2, (await Cases.GetAsync(caseId))!.Ncmec!.Attempts);
        AssertNoPersonalData(run);
    }

    [SkippableFact]
    public async Task Retract_UnfinishedReport_WithdrawsIt()
    {
        var caseId = await FailedEscalationAsync("finish");

        var run = await CliRun.StartAsync(_configuration, "ncmec", "retract", caseId);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(_tipline.Reports.Values.Single(r => r.CaseId == caseId).Retracted);
        Assert.Equal(NcmecStep.Retracted, (await Cases.GetAsync(caseId))!.Ncmec!.Step);
        Assert.Equal(1, (await CliRun.StartAsync(_configuration, "ncmec", "resume", caseId)).ExitCode);
    }

    [SkippableFact]
    public async Task Retract_FinishedReport_ExitsOneAndChangesNothing()
    {
        var caseId = await FailedEscalationAsync("finish");
        await CliRun.StartAsync(_configuration, "ncmec", "resume", caseId);

        var run = await CliRun.StartAsync(_configuration, "ncmec", "retract", caseId);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("contact NCMEC", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, _tipline.Count("retract"));
    }

    [SkippableFact]
    public async Task Status_ShowsTheRecordedStateWithoutPersonalData()
    {
        var caseId = await FailedEscalationAsync("finish");

        var run = await CliRun.StartAsync(_configuration, "ncmec", "status", caseId);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("step FilesSent", run.Output, StringComparison.Ordinal);
        Assert.Contains("on-call yes", run.Output, StringComparison.Ordinal);
        AssertNoPersonalData(run);
    }

    [SkippableTheory]
    [InlineData("status")]
    [InlineData("resume")]
    [InlineData("retract")]
    public async Task UnknownCase_ExitsThree(string command)
    {
        RequireStorage();

        var run = await CliRun.StartAsync(_configuration, "ncmec", command, "case-does-not-exist-" + Guid.NewGuid().ToString("N"));

        Assert.Equal(3, run.ExitCode);
    }

    [SkippableFact]
    public async Task EvidenceExport_ZipOfFilesReportAndCustodyWhoseHashesCheckOut()
    {
        var caseId = await FailedEscalationAsync("finish");
        await CliRun.StartAsync(_configuration, "ncmec", "resume", caseId);
        var zipPath = Path.Combine(_dir, "export.zip");

        var run = await CliRun.StartAsync(_configuration, "evidence", "export", caseId, "--out", zipPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var zip = ZipFile.OpenRead(zipPath);
        var sums = Read(zip, EvidenceManifest.ChecksumsFileName).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split("  ", 2)).ToDictionary(p => p[1], p => p[0]);
        foreach (var (path, sha256) in sums)
        {
            using var bytes = new MemoryStream();
            await using (var entry = zip.GetEntry(path)!.Open())
            {
                await entry.CopyToAsync(bytes);
            }

            Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray())));
        }

        var seeded = (await Cases.GetAsync(caseId))!;
        Assert.All(seeded.Files, f => Assert.Contains($"files/{f.Sha256}", sums.Keys));
        Assert.All(seeded.Files, f => Assert.Contains($"files/{f.Sha256}{EvidenceLayout.CustodySuffix}", sums.Keys));
        Assert.Contains("case.json", sums.Keys);
        Assert.Equal(_tipline.Reports.Values.Single(r => r.CaseId == caseId).Xml, Read(zip, "report.xml"));
        Assert.DoesNotContain(ReporterEmail, Read(zip, "case.json"), StringComparison.Ordinal);
        Assert.Contains("every item matches", run.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task EvidenceExport_EvidenceAlteredAfterPreservation_ExitsOne()
    {
        var caseId = await FailedEscalationAsync("finish");
        var file = (await Cases.GetAsync(caseId))!.Files[0];
        await _app.GetRequiredService<IContentVault>().WriteAsync(new BlobLocation(file.Container, file.BlobName), new MemoryStream([0]), file.ContentType, overwrite: true);

        var run = await CliRun.StartAsync(_configuration, "evidence", "export", caseId, "--out", Path.Combine(_dir, "altered.zip"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("do NOT match", run.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task EvidenceExport_NothingKept_ExitsThreeAndLeavesNoFile()
    {
        RequireStorage();
        var zipPath = Path.Combine(_dir, "none.zip");

        var run = await CliRun.StartAsync(_configuration, "evidence", "export", "case-none-" + Guid.NewGuid().ToString("N"), "--out", zipPath);

        Assert.Equal(3, run.ExitCode);
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public async Task MissingConnectionSettings_ExitFourNamingTheSetting()
    {
        var run = await CliRun.StartAsync(new ConfigurationBuilder().Build(), "ncmec", "status", "case-1");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("CosmosDb", run.Errors, StringComparison.Ordinal);
    }

    private ICaseStore Cases => _app.GetRequiredService<ICaseStore>();

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static void AssertNoPersonalData(CliRun run)
    {
        foreach (var secret in new[] { ReporterEmail, DisplayName, LocalCyberTiplineServer.Password })
        {
            Assert.DoesNotContain(secret, run.Output + run.Errors, StringComparison.Ordinal);
        }
    }

    private void RequireStorage()
    {
        Skip.If(_app is null, _services.Missing("CosmosDb") ?? _services.Missing("Uploads"));
    }

    /// <summary>A case in Cosmos with two quarantined files in Azurite, whose escalation got past submit and then failed at <paramref name="step"/> for good.</summary>
    private async Task<string> FailedEscalationAsync(string step)
    {
        RequireStorage();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var caseId = "cli-" + Guid.NewGuid().ToString("N");
        var vault = _app.GetRequiredService<IContentVault>();
        var files = new List<CaseFile>();
        for (var i = 0; i < 2; i++)
        {
            var bytes = Encoding.UTF8.GetBytes($"{caseId} file {i}");
            await vault.WriteAsync(new BlobLocation(ContentContainers.Quarantine, $"{caseId}-{i}"), new MemoryStream(bytes), "image/jpeg", cancellationToken: bound.Token);
            files.Add(new CaseFile(ContentContainers.Quarantine, $"{caseId}-{i}", "image/jpeg", bytes.Length,
                Convert.ToHexStringLower(SHA256.HashData(bytes)), Convert.ToHexStringLower(MD5.HashData(bytes)), ViewedByPerson: i == 0));
        }

        var now = DateTimeOffset.UtcNow;
        Assert.True(await Cases.TryCreateAsync(new SafetyCase
        {
            Id = caseId,
            Category = "csam",
            Origin = CaseOrigin.UploadMatch,
            OpenedAt = now,
            DueBy = now.AddHours(48),
            InvolvesMinor = true,
            Subject = new ReportedSubject(null, $"{caseId}-0", "user-1", null),
            Contact = new ContactChannel(ContactKind.Email, ReporterEmail),
            NcmecDetails = new NcmecCaseDetails(new ReportedAccountDetails(DisplayName)),
            Files = files,
        }, bound.Token));
        _tipline.Fail(step, CyberTiplineFailure.Refuse);
        await Assert.ThrowsAsync<NcmecEscalationFailedException>(() => _app.GetRequiredService<NcmecEscalationService>().EscalateAsync(caseId, cancellationToken: bound.Token));
        Assert.True((await Cases.GetAsync(caseId, bound.Token))!.NeedsOnCall);
        return caseId;
    }
}
