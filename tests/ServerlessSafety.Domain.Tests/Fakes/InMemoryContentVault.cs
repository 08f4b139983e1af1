using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ServerlessSafety.Domain.Content;

namespace ServerlessSafety.Domain.Tests.Fakes;

public sealed class InMemoryContentVault : IContentVault
{
    public ConcurrentDictionary<string, (byte[] Bytes, StoredBlob Blob)> Blobs { get; } = new();

    public Task<Stream?> OpenReadAsync(BlobLocation location, CancellationToken cancellationToken = default)
        => Task.FromResult<Stream?>(Blobs.TryGetValue(location.ToString(), out var b) ? new MemoryStream(b.Bytes, writable: false) : null);

    public Task<StoredBlob?> GetAsync(BlobLocation location, CancellationToken cancellationToken = default)
        => Task.FromResult(Blobs.TryGetValue(location.ToString(), out var b) ? b.Blob : null);

    public async Task WriteAsync(BlobLocation location, Stream content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var entry = (buffer.ToArray(), new StoredBlob(location, buffer.Length, contentType, metadata ?? new Dictionary<string, string>()));
        if (overwrite)
        {
            Blobs[location.ToString()] = entry;
        }
        else if (!Blobs.TryAdd(location.ToString(), entry))
        {
            throw new InvalidOperationException($"{location} exists");
        }
    }

    public async Task CopyAsync(BlobLocation source, BlobLocation target, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        var (bytes, blob) = Blobs[source.ToString()];
        if (Blobs.TryGetValue(target.ToString(), out var existing))
        {
            if (existing.Bytes.AsSpan().SequenceEqual(bytes))
            {
                return;
            }

            throw new InvalidOperationException($"{target} holds different content");
        }

        await WriteAsync(target, new MemoryStream(bytes), blob.ContentType, metadata ?? blob.Metadata, false, cancellationToken);
    }

    public Task DeleteAsync(BlobLocation location, CancellationToken cancellationToken = default)
    {
        Blobs.TryRemove(location.ToString(), out _);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredBlob> ListAsync(string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var (_, blob) in Blobs.Values.Where(b => b.Blob.Location.Container == container && b.Blob.Location.Name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            yield return blob;
        }
    }
}
