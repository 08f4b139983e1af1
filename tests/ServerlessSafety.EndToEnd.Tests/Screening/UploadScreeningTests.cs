using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Azure.Cosmos;
using ServerlessSafety.Domain.Screening;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ServerlessSafety.EndToEnd.Tests.Screening;

/// <summary>Uploads screened by the blob trigger in the local host, against a bank filled through the import API.</summary>
[Collection(PipelineCollection.Name)]
public sealed class UploadScreeningTests
{
    private readonly PipelineFixture _pipeline;

    public UploadScreeningTests(PipelineFixture pipeline)
    {
        _pipeline = pipeline;
    }

    [SkippableFact]
    public async Task An_upload_whose_hash_an_imported_list_holds_is_moved_to_quarantine_and_a_clean_one_stays()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        var listed = RandomNumberGenerator.GetBytes(4096);
        var clean = NoisePng();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(listed));
        var entry = $$$"""{"id":"e2e-{{{Guid.NewGuid():N}}}","memberId":"1","deleted":false,"fingerprints":{"sha256":"{{{sha256}}}"}}""";
        using (var import = new HttpRequestMessage(HttpMethod.Post, "api/banks/ncmec/imports/ncmec") { Content = new StringContent(entry + "\n", Encoding.UTF8, "application/x-ndjson") })
        {
            import.Headers.Add("x-functions-key", _pipeline.MasterKey);
            using var imported = await _pipeline.Http.SendAsync(import);
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        using (var refused = await _pipeline.Http.PostAsync("api/banks/ncmec/imports/ncmec", new StringContent(entry)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var blobs = new BlobServiceClient(_pipeline.Services["Uploads"]);
        var listedName = $"e2e/{Guid.NewGuid():N}.bin";
        var cleanName = $"e2e/{Guid.NewGuid():N}.bin";

        // The bank reaches the screening instance through its change feed within seconds; upload after that.
        await Task.Delay(TimeSpan.FromSeconds(5));
        await blobs.GetBlobContainerClient("uploads").GetBlobClient(listedName).UploadAsync(new BinaryData(listed));
        await blobs.GetBlobContainerClient("uploads").GetBlobClient(cleanName).UploadAsync(new BinaryData(clean));

        // The record is written after the upload left the public container, so once it is there the blob is held.
        await PipelineFixture.EventuallyAsync(() => ResultOfAsync(listedName), result => result is not null, TimeSpan.FromSeconds(60), "the listed upload's screening record", ScreeningLog);
        Assert.Equal("Blocked", await ResultOfAsync(listedName), ignoreCase: true);
        Assert.False(await blobs.GetBlobContainerClient("uploads").GetBlobClient(listedName).ExistsAsync());

        // A match on the verified NCMEC list goes straight to escalation, which moves the file from quarantine to
        // evidence: the case tells where the file is held now, and it is there.
        var caseId = UploadKey.CaseIdFor(listedName);
        var held = await PipelineFixture.EventuallyAsync<(string Container, string BlobName)?>(
            async () =>
            {
                var file = await CaseFileAsync(caseId);
                return file is { } f && await blobs.GetBlobContainerClient(f.Container).GetBlobClient(f.BlobName).ExistsAsync() ? f : null;
            },
            file => file is not null,
            TimeSpan.FromSeconds(60),
            "the blocked upload held where its case says");
        Assert.Contains(held!.Value.Container, new[] { "quarantine", "evidence" });

        // Every upload ends with a recorded result; the clean one is recorded and left where it was.
        await PipelineFixture.EventuallyAsync(() => ResultOfAsync(cleanName), result => result is not null, TimeSpan.FromSeconds(60), "the clean upload's screening record", ScreeningLog);
        Assert.Equal("Clean", await ResultOfAsync(cleanName), ignoreCase: true);
        Assert.True(await blobs.GetBlobContainerClient("uploads").GetBlobClient(cleanName).ExistsAsync());
        Assert.False(await blobs.GetBlobContainerClient("quarantine").GetBlobClient(cleanName).ExistsAsync());
    }

    /// <summary>The host's screening and bank lines, the last 40, to tell why an upload was not held.</summary>
    private string ScreeningLog()
        => string.Join('\n', _pipeline.HostOutput.Split('\n')
            .Where(l => l.Contains("Screen", StringComparison.OrdinalIgnoreCase) || l.Contains("Bank", StringComparison.OrdinalIgnoreCase) || l.Contains("fail", StringComparison.OrdinalIgnoreCase))
            .TakeLast(40));

    /// <summary>A picture of random noise: scannable, and in no bank.</summary>
    private static byte[] NoisePng()
    {
        using var image = new Image<Rgba32>(128, 128);
        var noise = RandomNumberGenerator.GetBytes(128 * 128 * 3);
        for (var i = 0; i < 128 * 128; i++)
        {
            image[i % 128, i / 128] = new Rgba32(noise[3 * i], noise[(3 * i) + 1], noise[(3 * i) + 2]);
        }

        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return png.ToArray();
    }

    private async Task<(string Container, string BlobName)?> CaseFileAsync(string caseId)
        => (await ReadOrNullAsync("cases", caseId))?["files"]?.AsArray().FirstOrDefault() is { } file
            ? ((string)file["container"]!, (string)file["blobName"]!)
            : null;

    private async Task<string?> ResultOfAsync(string uploadName)
        => (string?)(await ReadOrNullAsync("screenings", UploadKey.For(uploadName)))?["result"];

    private async Task<JsonObject?> ReadOrNullAsync(string container, string id)
    {
        try
        {
            return (await _pipeline.Container(container).ReadItemAsync<JsonObject>(id, new PartitionKey(id))).Resource;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
