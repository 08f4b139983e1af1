using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSafety.Domain.Banks;
using ServerlessSafety.Domain.Banks.Import;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Content;
using ServerlessSafety.Domain.Screening;
using ServerlessSafety.Domain.Tests.Screening;
using ServerlessSafety.Testing;

namespace ServerlessSafety.Storage.Tests.Screening;

/// <summary>Screening over Azurite and the local Cosmos DB: blobs really move, records and cases really land, lists really import.</summary>
[Collection(ScreeningStorageCollection.Name)]
public sealed class UploadScreeningStorageTests
{
    private readonly ScreeningStorageFixture _fixture;

    public UploadScreeningStorageTests(ScreeningStorageFixture fixture)
    {
        _fixture = fixture;
    }

    [SkippableFact]
    public async Task ScreenAsync_UploadOfAStopNciiHash_MovedToQuarantine_RecordAndCaseInCosmos_OnceOnRedelivery()
    {
        Skip.If(_fixture.Missing is not null, _fixture.Missing);
        var image = TestImages.Textured(Random.Shared.Next());
        var name = $"tests/{Guid.NewGuid():N}.png";
        await ImportAsync("stopncii", $$"""{"signalType":"ImagePDQ","hashValue":"{{Pdq(image)}}","hashStatus":"Active","quality":100}""");
        await _fixture.Get<PdqBankIndex>().RefreshAsync();
        await UploadAsync(name, image);

        var first = await _fixture.Get<UploadScreening>().ScreenAsync(name);
        var second = await _fixture.Get<UploadScreening>().ScreenAsync(name);

        Assert.Equal(ScreeningResult.Blocked, first!.Result);
        Assert.Equal(first.CaseId, second!.CaseId);
        Assert.False(await Blob(ContentContainers.Uploads, name).ExistsAsync());
        Assert.True(await Blob(ContentContainers.Quarantine, name).ExistsAsync());
        var stored = await _fixture.Get<IScreeningStore>().GetAsync(UploadKey.For(name));
        Assert.Equal(ScreeningResult.Blocked, stored!.Result);
        Assert.Equal("stopncii", Assert.Single(stored.Matches).Bank);
        Assert.Equal(first.Hashes, stored.Hashes);
        var opened = await _fixture.Get<ICaseStore>().GetAsync(first.CaseId!);
        Assert.Equal(CaseOrigin.UploadMatch, opened!.Origin);
        Assert.Single(_fixture.Queue.Sent, s => s.Item.CaseId == first.CaseId);
    }

    [SkippableFact]
    public async Task ScreenAsync_HashAddedWhileAnotherInstanceRuns_MatchedThereWithinTenSeconds()
    {
        Skip.If(_fixture.Missing is not null, _fixture.Missing);
        await using var instance = _fixture.NewInstance();
        var index = instance.GetRequiredService<PdqBankIndex>();
        await index.EnsureLoadedAsync();
        using var stop = new CancellationTokenSource();
        var loop = instance.GetRequiredService<PdqBankIndexRefreshLoop>().RunAsync(stop.Token);
        var image = TestImages.Textured(Random.Shared.Next());
        var pdq = Signals.Signals.PdqHash.Parse(Pdq(image));

        await ImportAsync("stopncii", $$"""{"signalType":"ImagePDQ","hashValue":"{{pdq}}","hashStatus":"Active","quality":100}""");
        await Eventually.HoldsAsync(() => index.Query([pdq], 0).Count, n => n == 1, TimeSpan.FromSeconds(10), "the other instance's index to hold the new hash");

        var name = $"tests/{Guid.NewGuid():N}.png";
        await UploadAsync(name, image);
        var record = await instance.GetRequiredService<UploadScreening>().ScreenAsync(name);
        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ScreeningResult.Blocked, record!.Result);
    }

    [SkippableFact]
    public async Task ScreenAsync_AfterStopNciiWithdrawsTheHash_TheNextUploadIsClean()
    {
        Skip.If(_fixture.Missing is not null, _fixture.Missing);
        var image = TestImages.Textured(Random.Shared.Next());
        var pdq = Pdq(image);
        await ImportAsync("stopncii", $$"""{"signalType":"ImagePDQ","hashValue":"{{pdq}}","hashStatus":"Active","quality":100}""");
        await _fixture.Get<PdqBankIndex>().RefreshAsync();

        var summary = await ImportAsync("stopncii", $$"""{"signalType":"ImagePDQ","hashValue":"{{pdq}}","hashStatus":"Withdrawn"}""");
        var name = $"tests/{Guid.NewGuid():N}.png";
        await UploadAsync(name, image);
        var record = await _fixture.Get<UploadScreening>().ScreenAsync(name);

        Assert.Equal(1, summary.Withdrawn);
        Assert.Equal(ScreeningResult.Clean, record!.Result);
        Assert.True(await Blob(ContentContainers.Uploads, name).ExistsAsync());
        Assert.True((await _fixture.Get<IBankStore>().GetAsync(BankSignalTypes.Pdq, pdq))!.Withdrawn);
    }

    [SkippableFact]
    public async Task ScreenAsync_CorruptUpload_UnhashableRecordInCosmos_HeldInQuarantine()
    {
        Skip.If(_fixture.Missing is not null, _fixture.Missing);
        var name = $"tests/{Guid.NewGuid():N}.png";
        await UploadAsync(name, TestImages.Textured(1)[..200]);

        var record = await _fixture.Get<UploadScreening>().ScreenAsync(name);

        var stored = await _fixture.Get<IScreeningStore>().GetAsync(UploadKey.For(name));
        Assert.Equal(ScreeningResult.Unhashable, stored!.Result);
        Assert.Equal(record!.UnhashableReason, stored.UnhashableReason);
        Assert.True(await Blob(ContentContainers.Quarantine, name).ExistsAsync());
    }

    [SkippableFact]
    public async Task Snapshot_WrittenToBlob_ANewInstanceStartsFromItAndCatchesUp()
    {
        Skip.If(_fixture.Missing is not null, _fixture.Missing);
        var first = _fixture.Get<PdqBankIndex>();
        await first.RefreshAsync();
        var written = await first.WriteSnapshotAsync();
        var late = TestImages.Textured(Random.Shared.Next());
        await ImportAsync("stopncii", $$"""{"signalType":"ImagePDQ","hashValue":"{{Pdq(late)}}","hashStatus":"Active","quality":100}""");

        await using var instance = _fixture.NewInstance();
        var index = instance.GetRequiredService<PdqBankIndex>();
        await index.EnsureLoadedAsync();

        Assert.True(index.Count >= written + 1);
        Assert.Single(index.Query([Signals.Signals.PdqHash.Parse(Pdq(late))], 0));
    }

    private static string Pdq(byte[] image) => new UploadHasher().Hash(image).Hashes.Pdq!;

    private BlobClient Blob(string container, string name) => _fixture.Get<BlobServiceClient>().GetBlobContainerClient(container).GetBlobClient(name);

    private Task UploadAsync(string name, byte[] content) => Blob(ContentContainers.Uploads, name).UploadAsync(new BinaryData(content));

    private async Task<HashListImportSummary> ImportAsync(string format, params string[] lines)
    {
        using var reader = new StringReader(string.Join('\n', lines));
        return await _fixture.Get<HashListImporter>().ImportAsync(new HashListFileSource(reader, HashListFormats.Find(format)!), "stopncii");
    }
}
