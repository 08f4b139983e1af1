using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Xunit.Abstractions;

namespace ServerlessSafety.LocalHost.Tests;

public sealed class BlobTriggerTests : IClassFixture<LocalServicesFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);
    private readonly TestAppHost _app;
    private readonly BlobContainerClient _uploads;

    public BlobTriggerTests(LocalServicesFixture services, ITestOutputHelper output)
    {
        _app = new TestAppHost(services, output);
        _uploads = new BlobServiceClient(services.Settings["Uploads"]).GetBlobContainerClient(_app.Settings["UploadsContainer"]);
    }

    [Fact]
    public async Task Upload_IsProcessedExactlyOnce_AlsoAcrossARestart()
    {
        await _uploads.CreateIfNotExistsAsync();
        await _uploads.UploadBlobAsync("first.txt", BinaryData.FromString("one"));

        await using (var host = await _app.StartAsync())
        {
            await Eventually.HoldsAsync(() => _app.Recorder.Count("ProcessUpload", "first.txt:one"), n => n > 0, Timeout, "the first upload");
        }

        await using (var restarted = await _app.StartAsync())
        {
            // The restarted host lists both blobs in the same poll; the second one's run proves the first was seen again.
            await _uploads.UploadBlobAsync("second.txt", BinaryData.FromString("two"));
            await Eventually.HoldsAsync(() => _app.Recorder.Count("ProcessUpload", "second.txt:two"), n => n > 0, Timeout, "the second upload");
        }

        Assert.Equal(1, _app.Recorder.Count("ProcessUpload", "first.txt:one"));
        Assert.Equal(1, _app.Recorder.Count("ProcessUpload", "second.txt:two"));
    }

    [Fact]
    public async Task ChangedBlob_IsProcessedAgain_ForItsNewETag()
    {
        await _uploads.CreateIfNotExistsAsync();
        await using var host = await _app.StartAsync();

        await _uploads.UploadBlobAsync("changing.txt", BinaryData.FromString("v1"));
        await Eventually.HoldsAsync(() => _app.Recorder.Count("ProcessUpload", "changing.txt:v1"), n => n > 0, Timeout, "version 1");
        await _uploads.GetBlobClient("changing.txt").UploadAsync(BinaryData.FromString("v2"), overwrite: true);
        await Eventually.HoldsAsync(() => _app.Recorder.Count("ProcessUpload", "changing.txt:v2"), n => n > 0, Timeout, "version 2");

        Assert.Equal(1, _app.Recorder.Count("ProcessUpload", "changing.txt:v1"));
    }

    [Fact]
    public async Task FailingBlob_IsPoisonedAfterFiveAttempts_AndNeverRetried()
    {
        await _uploads.CreateIfNotExistsAsync();
        var poison = new QueueClient(_app.Settings["Uploads"], "webjobs-blobtrigger-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await poison.CreateIfNotExistsAsync();
        await using var host = await _app.StartAsync();

        await _uploads.UploadBlobAsync("fail-always.txt", BinaryData.FromString("bad"));
        var message = await Eventually.HoldsAsync(
            async () => (await poison.PeekMessagesAsync(32)).Value
                .Select(m => JsonDocument.Parse(m.Body.ToString()).RootElement)
                .FirstOrDefault(m => m.GetProperty("ContainerName").GetString() == _uploads.Name),
            m => m.ValueKind == JsonValueKind.Object,
            Timeout,
            "the poison message");

        Assert.Equal("fail-always.txt", message.GetProperty("BlobName").GetString());
        Assert.Equal("Host.Functions.ProcessUpload", message.GetProperty("FunctionId").GetString());
        Assert.Equal(5, _app.Recorder.Count("ProcessUpload", "fail-always.txt:bad"));

        // A later blob is processed in a later poll, which lists the poisoned blob again and leaves it alone.
        await _uploads.UploadBlobAsync("after.txt", BinaryData.FromString("ok"));
        await Eventually.HoldsAsync(() => _app.Recorder.Count("ProcessUpload", "after.txt:ok"), n => n > 0, Timeout, "the later blob");
        Assert.Equal(5, _app.Recorder.Count("ProcessUpload", "fail-always.txt:bad"));
    }
}
