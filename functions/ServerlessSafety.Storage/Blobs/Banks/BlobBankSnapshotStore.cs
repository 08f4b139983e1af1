using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using ServerlessSafety.Domain.Screening;

namespace ServerlessSafety.Storage.Blobs.Banks;

/// <summary>The PDQ index snapshot as one block blob, <c>bank-index/pdq-index.snapshot</c>, in the content storage account.</summary>
/// <remarks>
/// A block blob written through <see cref="BlockBlobClient.OpenWriteAsync(bool, Azure.Storage.Blobs.Models.BlockBlobOpenWriteOptions, CancellationToken)"/>
/// is committed when the stream closes, so a reader never sees half a snapshot. The container is declared by the
/// infrastructure; locally it is created on first write.
/// </remarks>
public sealed class BlobBankSnapshotStore : IBankSnapshotStore
{
    /// <summary>The blob container of the snapshot.</summary>
    public const string ContainerName = "bank-index";

    /// <summary>The snapshot's blob name.</summary>
    public const string BlobName = "pdq-index.snapshot";

    private readonly BlobContainerClient _container;

    /// <summary>Creates the store over the content storage account.</summary>
    public BlobBankSnapshotStore(BlobServiceClient service)
        : this(service, ContainerName)
    {
    }

    /// <summary>Creates the store over another container (tests and tools that must not touch the app's snapshot).</summary>
    public BlobBankSnapshotStore(BlobServiceClient service, string containerName)
    {
        _container = service.GetBlobContainerClient(containerName);
    }

    /// <inheritdoc />
    public async Task<Stream?> OpenReadAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _container.GetBlockBlobClient(BlobName).OpenReadAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task WriteAsync(Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        try
        {
            await WriteBlobAsync(write, cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode == "ContainerNotFound")
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await WriteBlobAsync(write, cancellationToken);
        }
    }

    private async Task WriteBlobAsync(Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        await using var stream = await _container.GetBlockBlobClient(BlobName).OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken);
        await write(stream, cancellationToken);
    }
}
