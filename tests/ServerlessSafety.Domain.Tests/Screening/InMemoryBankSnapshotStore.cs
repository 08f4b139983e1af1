using ServerlessSafety.Domain.Screening;

namespace ServerlessSafety.Domain.Tests.Screening;

/// <summary>Keeps the last snapshot written, as bytes.</summary>
public sealed class InMemoryBankSnapshotStore : IBankSnapshotStore
{
    public byte[]? Bytes { get; set; }

    public Task<Stream?> OpenReadAsync(CancellationToken cancellationToken = default)
        => Task.FromResult<Stream?>(Bytes is null ? null : new MemoryStream(Bytes, writable: false));

    public async Task WriteAsync(Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await write(buffer, cancellationToken);
        Bytes = buffer.ToArray();
    }
}
