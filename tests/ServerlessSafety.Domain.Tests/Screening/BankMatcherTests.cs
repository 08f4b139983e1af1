using ServerlessSafety.Domain.Banks;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Screening;
using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Domain.Tests.Screening;

/// <summary>The matching rules: thresholds per bank, quality floors, suppression, disabled banks, withdrawals.</summary>
public sealed class BankMatcherTests : IDisposable
{
    private static readonly PdqHash Banked = PdqHash.Parse("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22");

    private readonly ScreeningHarness _harness = new(matching: new HashMatchingOptions
    {
        Banks =
        [
            new() { Name = "strict", Kind = BankKind.Imported, PdqThreshold = 10 },
            new() { Name = "loose", Kind = BankKind.Imported, PdqThreshold = 31 },
            new() { Name = "fine-art", Kind = BankKind.Suppression },
            new() { Name = "retired", Kind = BankKind.Imported, Enabled = false },
            new() { Name = "picky", Kind = BankKind.Imported, MinimumQuality = 90 },
        ],
    });

    [Fact]
    public async Task MatchAsync_DistanceBetweenTwoThresholds_MatchesOnlyTheLooserBank()
    {
        await BankPdqAsync(Banked, "strict");
        await BankPdqAsync(Banked, "loose");

        var outcome = await MatchPdqAsync(Flip(Banked, 20), quality: 100);

        var match = Assert.Single(outcome.Blocking);
        Assert.Equal("loose", match.Bank);
        Assert.Equal(20, match.Distance);
        Assert.Equal(Banked.ToString(), match.MatchedValue);
    }

    [Theory]
    [InlineData(31, true)]
    [InlineData(32, false)]
    public async Task MatchAsync_AtTheDefaultThreshold_MatchesUpTo31Bits(int distance, bool matches)
    {
        await BankPdqAsync(Banked, "loose");

        var outcome = await MatchPdqAsync(Flip(Banked, distance), quality: 100);

        Assert.Equal(matches, outcome.IsMatch);
    }

    [Fact]
    public async Task MatchAsync_UploadBelowTheQualityFloor_NoPdqMatchButExactHashesStillMatch()
    {
        await BankPdqAsync(Banked, "loose");
        await _harness.Bank.AddAsync(new ContentHash(BankSignalTypes.Md5, new string('a', 32)), Membership("loose"));

        var lowQuality = new UploadHashes(10, null, new string('a', 32), Banked.ToString(), 49);
        var outcome = await _harness.Matcher.MatchAsync(lowQuality, [Banked]);

        var match = Assert.Single(outcome.Blocking);
        Assert.Equal(BankSignalTypes.Md5, match.SignalType);
    }

    [Fact]
    public async Task MatchAsync_BankRecordBelowTheQualityFloor_NotMatchedOn()
    {
        await _harness.Bank.AddAsync(new ContentHash(BankSignalTypes.Pdq, Banked.ToString(), 30), Membership("loose") with { Quality = 30 });
        await _harness.Index.RefreshAsync();

        Assert.False((await MatchPdqAsync(Banked, quality: 100)).IsMatch);
    }

    [Fact]
    public async Task MatchAsync_BankWithItsOwnFloor_AppliesIt()
    {
        await BankPdqAsync(Banked, "picky");

        Assert.False((await MatchPdqAsync(Banked, quality: 80)).IsMatch);
        Assert.True((await MatchPdqAsync(Banked, quality: 95)).IsMatch);
    }

    [Fact]
    public async Task MatchAsync_SuppressionBankHoldsANearHash_CancelsPdqMatchesButNotExactOnes()
    {
        var sha = new string('b', 64);
        await BankPdqAsync(Banked, "loose");
        await BankPdqAsync(Flip(Banked, 3), "fine-art");
        await _harness.Bank.AddAsync(new ContentHash(BankSignalTypes.Sha256, sha), Membership("loose"));

        var outcome = await _harness.Matcher.MatchAsync(new UploadHashes(10, sha, null, Banked.ToString(), 100), [Banked]);

        var blocking = Assert.Single(outcome.Blocking);
        Assert.Equal(BankSignalTypes.Sha256, blocking.SignalType);
        Assert.Contains(outcome.Suppressed, m => m.Bank == "fine-art");
        Assert.Contains(outcome.Suppressed, m => m.Bank == "loose" && m.SignalType == BankSignalTypes.Pdq);
    }

    [Fact]
    public async Task MatchAsync_DisabledBank_MatchesNothing()
    {
        await BankPdqAsync(Banked, "retired");

        Assert.False((await MatchPdqAsync(Banked, quality: 100)).IsMatch);
    }

    [Fact]
    public async Task MatchAsync_WithdrawnBeforeTheIndexRefreshed_StopsMatchingAtOnce()
    {
        await BankPdqAsync(Banked, "loose");
        await _harness.Bank.RemoveAsync(new ContentHash(BankSignalTypes.Pdq, Banked.ToString()), "loose");

        Assert.Equal(1, _harness.Index.Count);
        Assert.False((await MatchPdqAsync(Banked, quality: 100)).IsMatch);
        await _harness.Index.RefreshAsync();
        Assert.Equal(0, _harness.Index.Count);
    }

    [Fact]
    public async Task MatchAsync_RotatedUpload_MatchesThroughTheVariantClosestToTheBankedHash()
    {
        await BankPdqAsync(Banked, "loose");
        var unrelated = PdqHash.Parse(new string('0', 64));

        var outcome = await _harness.Matcher.MatchAsync(new UploadHashes(10, null, null, unrelated.ToString(), 100), [unrelated, Flip(Banked, 5)]);

        Assert.Equal(5, Assert.Single(outcome.Blocking).Distance);
    }

    public void Dispose() => _harness.Dispose();

    private static PdqHash Flip(PdqHash hash, int bits)
    {
        for (var i = 0; i < bits; i++)
        {
            hash = hash.FlipBit(i * 7 % 256);
        }

        return hash;
    }

    private BankMembership Membership(string bank) => new(bank, "test", _harness.Time.GetUtcNow(), 100);

    private async Task BankPdqAsync(PdqHash hash, string bank)
    {
        await _harness.Bank.AddAsync(new ContentHash(BankSignalTypes.Pdq, hash.ToString(), 100), Membership(bank));
        await _harness.Index.RefreshAsync();
    }

    private Task<BankMatchOutcome> MatchPdqAsync(PdqHash upload, int quality)
        => _harness.Matcher.MatchAsync(new UploadHashes(10, null, null, upload.ToString(), quality), [upload]);
}
