using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Content;
using ServerlessSafety.Domain.Screening;

namespace ServerlessSafety.Functions.Screening;

/// <summary>The blob trigger on <c>uploads</c>: every new upload is screened before anyone is shown it.</summary>
public sealed class ScreenUpload
{
    private readonly UploadScreening _screening;

    /// <summary>Creates the function.</summary>
    public ScreenUpload(UploadScreening screening)
    {
        _screening = screening;
    }

    /// <summary>
    /// Screens the upload (record, quarantine, case and triage message, all idempotent per upload name). The blob is
    /// bound as a client, not as content: the service reads it within its own size limit. A failure is retried by the
    /// host and, after <c>poisonBlobThreshold</c> attempts, goes to the poison queue.
    /// </summary>
    /// <remarks>The Event Grid source is what Flex Consumption supports; <c>scripts/hooks/subscribe-uploads.sh</c> subscribes it.</remarks>
    [Function(nameof(ScreenUpload))]
    public Task Run(
        [BlobTrigger(ContentContainers.Uploads + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = "Uploads")] BlobClient upload,
        CancellationToken cancellationToken)
        => _screening.ScreenAsync(upload.Name, cancellationToken);
}
