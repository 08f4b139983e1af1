using ServerlessSafety.Domain.Banks;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Pipeline;
using ServerlessSafety.Domain.Screening;

namespace ServerlessSafety.Domain.Tests.Screening;

public sealed class UploadScreeningTests : IDisposable
{
    private readonly ScreeningHarness _harness = new();

    [Fact]
    public async Task ScreenAsync_NothingBanked_CleanAndLeftPublic()
    {
        await _harness.UploadAsync("a.png", TestImages.Textured(1));

        var record = await _harness.Screening.ScreenAsync("a.png");

        Assert.NotNull(record);
        Assert.Equal(ScreeningResult.Clean, record.Result);
        Assert.True(_harness.Holds(ScreeningHarness.InUploads("a.png")));
        Assert.Null(record.HeldAt);
        Assert.Empty(_harness.Queue.Sent);
        Assert.NotNull(record.Hashes.Pdq);
        Assert.True(record.Hashes.PdqQuality >= 50);
        Assert.Same(record, await _harness.Screenings.GetAsync(UploadKey.For("a.png")));
    }

    [Fact]
    public async Task ScreenAsync_ExactCopyOfReportedContent_QuarantinedWithCaseAndTriageMessage()
    {
        var image = TestImages.Textured(2);
        await _harness.Cases.TryCreateAsync(ReportedCase("case-1"));
        await _harness.BankAsync(image, caseId: "case-1");
        await _harness.UploadAsync("copy.png", image);

        var record = await _harness.Screening.ScreenAsync("copy.png");

        Assert.Equal(ScreeningResult.Blocked, record!.Result);
        Assert.False(_harness.Holds(ScreeningHarness.InUploads("copy.png")));
        Assert.True(_harness.Holds(ScreeningHarness.InQuarantine("copy.png")));
        Assert.Equal(ScreeningHarness.InQuarantine("copy.png"), record.HeldAt);
        Assert.Contains(record.Matches, m => m.SignalType == BankSignalTypes.Sha256 && m.Bank == "reported" && m.Distance == 0 && m.Membership.CaseId == "case-1");
        Assert.Contains(record.Matches, m => m.SignalType == BankSignalTypes.Pdq && m.Distance == 0);

        var opened = await _harness.Cases.GetAsync(UploadKey.CaseIdFor("copy.png"));
        Assert.NotNull(opened);
        Assert.Equal(CaseOrigin.UploadMatch, opened.Origin);
        Assert.Equal("ncii", opened.Category);
        Assert.Equal(record.CaseId, opened.Id);
        Assert.Contains(opened.Files, f => f.Container == "quarantine" && f.Sha256 == record.Hashes.Sha256);
        Assert.Contains(opened.Matches, m => m.Bank == "reported" && m.SourceCaseId == "case-1");
        var (queue, item) = Assert.Single(_harness.Queue.Sent);
        Assert.Equal(PipelineQueue.Triage, queue);
        Assert.Equal(opened.Id, item.CaseId);

        var source = await _harness.Cases.GetAsync("case-1");
        Assert.Contains(source!.Timeline, e => e.Kind == UploadScreening.UploadMatchedKind && e.Detail == opened.Id);
    }

    [Fact]
    public async Task ScreenAsync_MirroredReencodedCopy_BlockedByPdqThroughItsDihedralVariant()
    {
        await _harness.BankAsync(TestImages.Textured(3), pdqOnly: true);
        await _harness.UploadAsync("mirror.png", TestImages.Textured(3, size: 96, mirrored: true));

        var record = await _harness.Screening.ScreenAsync("mirror.png");

        Assert.Equal(ScreeningResult.Blocked, record!.Result);
        var match = Assert.Single(record.Matches);
        Assert.Equal(BankSignalTypes.Pdq, match.SignalType);
        Assert.InRange(match.Distance, 0, 31);
    }

    [Fact]
    public async Task ScreenAsync_SameUploadTwice_OneRecordOneCaseOneMessage()
    {
        var image = TestImages.Textured(4);
        await _harness.BankAsync(image);
        await _harness.UploadAsync("twice.png", image);

        var first = await _harness.Screening.ScreenAsync("twice.png");
        var second = await _harness.Screening.ScreenAsync("twice.png");

        Assert.Equal(first, second);
        Assert.Single(_harness.Screenings.Records);
        Assert.Single(_harness.Queue.Sent);
        Assert.Single(_harness.Cases.ListOpen(), c => c.Origin == CaseOrigin.UploadMatch);
    }

    [Fact]
    public async Task ScreenAsync_RunStoppedAfterTheMove_NextDeliveryFinishesFromQuarantine()
    {
        var image = TestImages.Textured(5);
        await _harness.BankAsync(image);
        await _harness.UploadAsync("moved.png", image);
        // What a run that crashed after the move leaves: the blob in quarantine, no record, no case.
        await _harness.Vault.CopyAsync(ScreeningHarness.InUploads("moved.png"), ScreeningHarness.InQuarantine("moved.png"));
        await _harness.Vault.DeleteAsync(ScreeningHarness.InUploads("moved.png"));

        var record = await _harness.Screening.ScreenAsync("moved.png");

        Assert.Equal(ScreeningResult.Blocked, record!.Result);
        Assert.NotNull(await _harness.Cases.GetAsync(UploadKey.CaseIdFor("moved.png")));
        Assert.Single(_harness.Queue.Sent);
    }

    [Fact]
    public async Task ScreenAsync_UploadGoneAndNeverScreened_Null()
    {
        Assert.Null(await _harness.Screening.ScreenAsync("never-there.png"));
        Assert.Empty(_harness.Screenings.Records);
    }

    [Fact]
    public async Task ScreenAsync_NotAnImageButItsMd5IsBanked_BlockedByTheExactHash()
    {
        var bytes = "a video the list names by MD5"u8.ToArray();
        var md5 = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(bytes));
        await _harness.Bank.AddAsync(new ContentHash(BankSignalTypes.Md5, md5), new BankMembership("stopncii", "stopncii", _harness.Time.GetUtcNow()));
        await _harness.UploadAsync("clip.bin", bytes, "application/octet-stream");

        var record = await _harness.Screening.ScreenAsync("clip.bin");

        Assert.Equal(ScreeningResult.Blocked, record!.Result);
        Assert.Equal("stopncii", Assert.Single(record.Matches).Bank);
        Assert.Null(record.Hashes.Pdq);
    }

    [Fact]
    public async Task ScreenAsync_VerifiedBankMatch_OpensACsamCaseInvolvingAMinor()
    {
        var image = TestImages.Textured(6);
        await _harness.BankAsync(image, bank: "ncmec", caseId: null);
        await _harness.UploadAsync("v.png", image);

        var record = await _harness.Screening.ScreenAsync("v.png");

        var opened = await _harness.Cases.GetAsync(record!.CaseId!);
        Assert.Equal("csam", opened!.Category);
        Assert.True(opened.InvolvesMinor);
        Assert.All(opened.Matches, m => Assert.True(m.BankIsVerified));
    }

    public void Dispose() => _harness.Dispose();

    private SafetyCase ReportedCase(string id) => new()
    {
        Id = id,
        Category = "ncii",
        Origin = CaseOrigin.Report,
        OpenedAt = _harness.Time.GetUtcNow(),
        DueBy = _harness.Time.GetUtcNow().AddHours(48),
        Subject = new ReportedSubject(null, null, null, null),
    };
}
