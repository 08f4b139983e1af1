using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ServerlessSafety.LocalHost.Blobs;

/// <summary>
/// Which blob versions a function has processed, failed or poisoned, kept as blobs in the host's storage like the
/// Functions host's <c>azure-webjobs-hosts/blobreceipts</c>, so the record survives a restart.
/// </summary>
internal sealed class BlobReceipts
{
    public const string ContainerName = "azure-webjobs-hosts";
    private const string StatusKey = "status";
    private const string AttemptsKey = "attempts";

    private readonly BlobContainerClient _container;
    private readonly string _hostId;

    public BlobReceipts(BlobServiceClient hostStorage, string hostId)
    {
        _container = hostStorage.GetBlobContainerClient(ContainerName);
        _hostId = hostId;
    }

    public Task EnsureAsync(CancellationToken cancellationToken) => _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    public async Task<BlobReceipt> ReadAsync(string functionName, string container, string blobName, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await Receipt(functionName, container, blobName, etag).GetPropertiesAsync(cancellationToken: cancellationToken);
            var metadata = properties.Value.Metadata;
            return new BlobReceipt(
                Enum.TryParse<BlobReceiptStatus>(metadata.TryGetValue(StatusKey, out var statusText) ? statusText : null, true, out var status) ? status : BlobReceiptStatus.Failed,
                int.TryParse(metadata.TryGetValue(AttemptsKey, out var attemptsText) ? attemptsText : null, out var attempts) ? attempts : 0);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return new BlobReceipt(BlobReceiptStatus.None, 0);
        }
    }

    public Task WriteAsync(string functionName, string container, string blobName, ETag etag, BlobReceipt receipt, CancellationToken cancellationToken)
        => Receipt(functionName, container, blobName, etag).UploadAsync(BinaryData.Empty, new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { [StatusKey] = receipt.Status.ToString(), [AttemptsKey] = receipt.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        }, cancellationToken);

    private BlobClient Receipt(string functionName, string container, string blobName, ETag etag)
        => _container.GetBlobClient($"blobreceipts/{_hostId}/{functionName}/{etag.ToString().Trim('"')}/{container}/{blobName}");
}

/// <summary>Where one blob version stands for one function.</summary>
internal sealed record BlobReceipt(BlobReceiptStatus Status, int Attempts);

/// <summary>The outcome recorded for a blob version.</summary>
internal enum BlobReceiptStatus
{
    None,
    Failed,
    Completed,
    Poisoned,
}
