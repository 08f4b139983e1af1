using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ServerlessSafety.Domain.Content;
using ServerlessSafety.Domain.Pipeline;
using ServerlessSafety.Domain.Reports;
using ServerlessSafety.Domain.Tests.Fakes;

namespace ServerlessSafety.Domain.Tests.Reports;

public sealed class ReportIntakeTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    private readonly InMemoryReceiptStore _receipts = new();
    private readonly InMemoryContentVault _vault = new();
    private readonly RecordingWorkQueue _queue = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-06T10:00:00Z"));
    private readonly ReportIntake _intake;

    public ReportIntakeTests()
    {
        _intake = new ReportIntake(
            new ReportValidator(new FixedReportCategories()),
            new ReportRateLimiter(_time, 3, TimeSpan.FromMinutes(1)),
            new StatusTokens(RandomNumberGenerator.GetBytes(32)),
            _receipts,
            new InMemoryIdempotencyStore(),
            _vault,
            _queue,
            _time,
            NullLogger<ReportIntake>.Instance);
    }

    private static ReportSubmission Report => new() { Category = "ncii", ContentUrl = "https://platform.example/p/1" };

    [Fact]
    public async Task Submit_ValidReport_StoresReceiptWithTokenHashAndQueuesIntake()
    {
        var accepted = Assert.IsType<ReportIntakeResult.Accepted>(await _intake.SubmitAsync(Report, new("10.0.0.1", null, "f1")));

        var receipt = _receipts.Receipts[accepted.CaseId];
        Assert.True(StatusTokens.Matches(accepted.StatusToken, receipt.StatusTokenHash));
        Assert.Equal(_time.GetUtcNow(), receipt.ReceivedAt);
        var (queue, item) = Assert.Single(_queue.Sent);
        Assert.Equal((PipelineQueue.ReportIntake, accepted.CaseId), (queue, item.CaseId));
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyAndBody_SameCaseAndToken_OneReceipt()
    {
        var first = Assert.IsType<ReportIntakeResult.Accepted>(await _intake.SubmitAsync(Report, new("10.0.0.1", "key-1", "f1")));
        var second = Assert.IsType<ReportIntakeResult.Accepted>(await _intake.SubmitAsync(Report, new("10.0.0.1", "key-1", "f1")));

        Assert.Equal(first.CaseId, second.CaseId);
        Assert.Equal(first.StatusToken, second.StatusToken);
        Assert.True(second.Replayed);
        Assert.Single(_receipts.Receipts);
        Assert.Single(_queue.Sent);
    }

    [Fact]
    public async Task Submit_SameKeyOtherBody_IsRefused()
    {
        await _intake.SubmitAsync(Report, new("10.0.0.1", "key-1", "f1"));

        Assert.IsType<ReportIntakeResult.KeyReused>(await _intake.SubmitAsync(Report with { Account = "@x" }, new("10.0.0.1", "key-1", "f2")));
    }

    [Fact]
    public async Task Submit_SameKeyFromAnotherClient_IsAnotherReport()
    {
        var first = Assert.IsType<ReportIntakeResult.Accepted>(await _intake.SubmitAsync(Report, new("10.0.0.1", "key-1", "f1")));
        var other = Assert.IsType<ReportIntakeResult.Accepted>(await _intake.SubmitAsync(Report, new("10.0.0.2", "key-1", "f1")));

        Assert.NotEqual(first.CaseId, other.CaseId);
    }

    [Fact]
    public async Task Submit_OverTheRateLimit_IsLimitedUntilTheWindowPasses()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.IsType<ReportIntakeResult.Accepted>(await _intake.SubmitAsync(Report, new("10.0.0.1", null, $"f{i}")));
        }

        var limited = Assert.IsType<ReportIntakeResult.RateLimited>(await _intake.SubmitAsync(Report, new("10.0.0.1", null, "f4")));
        Assert.True(limited.RetryAfter > TimeSpan.Zero);
        Assert.IsType<ReportIntakeResult.Accepted>(await _intake.SubmitAsync(Report, new("10.0.0.9", null, "f5")));

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.IsType<ReportIntakeResult.Accepted>(await _intake.SubmitAsync(Report, new("10.0.0.1", null, "f6")));
    }

    [Fact]
    public async Task Submit_InvalidReport_StoresAndQueuesNothing()
    {
        var invalid = Assert.IsType<ReportIntakeResult.Invalid>(await _intake.SubmitAsync(new ReportSubmission(), new("10.0.0.1", null, "f")));

        Assert.Contains("category", invalid.Errors.Keys);
        Assert.Empty(_receipts.Receipts);
        Assert.Empty(_queue.Sent);
    }

    [Fact]
    public async Task Submit_ImageEvidence_IsQuarantinedWithItsHashes()
    {
        var accepted = Assert.IsType<ReportIntakeResult.Accepted>(
            await _intake.SubmitAsync(new ReportSubmission { Category = "ncii" }, new("10.0.0.1", null, "f"), [new EvidenceUpload("me.png", Png)]));

        var file = Assert.Single(_receipts.Receipts[accepted.CaseId].Report.Evidence);
        Assert.Equal(ContentContainers.Quarantine, file.Container);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Png)), file.Sha256);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(Png)), file.Md5);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal(Png, _vault.Blobs[$"{file.Container}/{file.BlobName}"].Bytes);
    }

    [Fact]
    public async Task Submit_EvidenceThatIsNotAnImage_IsRefusedAndNotStored()
    {
        var invalid = Assert.IsType<ReportIntakeResult.Invalid>(
            await _intake.SubmitAsync(Report, new("10.0.0.1", null, "f"), [new EvidenceUpload("x.png", "<script>"u8.ToArray())]));

        Assert.Contains("evidence", invalid.Errors.Keys);
        Assert.Empty(_vault.Blobs);
    }
}
