using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ServerlessSafety.Domain.Content;

namespace ServerlessSafety.Storage.Blobs;

/// <summary>The content containers in Azure Blob Storage (Azurite locally).</summary>
public sealed class BlobContentVault : IContentVault
{
    private readonly BlobServiceClient _service;

    /// <summary>Creates the vault over the content storage account.</summary>
    public BlobContentVault(BlobServiceClient service)
    {
        _service = service;
    }

    /// <inheritdoc />
    public async Task<Stream?> OpenReadAsync(BlobLocation location, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Blob(location).OpenReadAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<StoredBlob?> GetAsync(BlobLocation location, CancellationToken cancellationToken = default)
    {
        try
        {
            var properties = (await Blob(location).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new StoredBlob(location, properties.ContentLength, properties.ContentType, properties.Metadata.AsReadOnly());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task WriteAsync(BlobLocation location, Stream content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = metadata?.ToDictionary(),
            Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        await Blob(location).UploadAsync(content, options, cancellationToken);
    }

    /// <inheritdoc />
    public async Task CopyAsync(BlobLocation source, BlobLocation target, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        var sourceBlob = Blob(source);
        var sourceProperties = (await sourceBlob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        var targetBlob = Blob(target);
        var existing = await GetPropertiesOrNullAsync(targetBlob, cancellationToken);
        if (existing is not null)
        {
            if (existing.ContentLength == sourceProperties.ContentLength && existing.ContentHash.AsSpan().SequenceEqual(sourceProperties.ContentHash))
            {
                return;
            }

            throw new InvalidOperationException($"{target} already holds different content; it is never overwritten.");
        }

        // Streamed rather than a server-side copy: a copy by URL needs the source readable by URL, which
        // identity-only storage does not allow without a user delegation SAS.
        await using var content = await sourceBlob.OpenReadAsync(cancellationToken: cancellationToken);
        await WriteAsync(target, content, sourceProperties.ContentType, metadata ?? sourceProperties.Metadata.AsReadOnly(), overwrite: false, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteAsync(BlobLocation location, CancellationToken cancellationToken = default)
        => Blob(location).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredBlob> ListAsync(string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = _service.GetBlobContainerClient(container);
        await foreach (var item in client.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken))
        {
            yield return new StoredBlob(
                new BlobLocation(container, item.Name),
                item.Properties.ContentLength ?? 0,
                item.Properties.ContentType ?? "application/octet-stream",
                item.Metadata.AsReadOnly());
        }
    }

    private BlobClient Blob(BlobLocation location) => _service.GetBlobContainerClient(location.Container).GetBlobClient(location.Name);

    private static async Task<BlobProperties?> GetPropertiesOrNullAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
