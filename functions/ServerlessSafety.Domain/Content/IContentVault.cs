namespace ServerlessSafety.Domain.Content;

/// <summary>Reads, writes and moves content between the blob containers.</summary>
public interface IContentVault
{
    /// <summary>Opens a blob for reading, or returns null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(BlobLocation location, CancellationToken cancellationToken = default);

    /// <summary>Describes a blob, or returns null when it does not exist.</summary>
    Task<StoredBlob?> GetAsync(BlobLocation location, CancellationToken cancellationToken = default);

    /// <summary>Writes a blob; overwriting is refused unless <paramref name="overwrite"/> is true.</summary>
    Task WriteAsync(BlobLocation location, Stream content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, bool overwrite = false, CancellationToken cancellationToken = default);

    /// <summary>Copies a blob server-side; an existing target with the same content is left as it is (idempotent).</summary>
    Task CopyAsync(BlobLocation source, BlobLocation target, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a blob if it exists.</summary>
    Task DeleteAsync(BlobLocation location, CancellationToken cancellationToken = default);

    /// <summary>Lists the blobs whose names start with <paramref name="prefix"/>.</summary>
    IAsyncEnumerable<StoredBlob> ListAsync(string container, string prefix, CancellationToken cancellationToken = default);
}
