namespace ServerlessSafety.Domain.Screening;

/// <summary>Where the PDQ index snapshot is kept, so a new instance starts from it instead of the whole change feed.</summary>
public interface IBankSnapshotStore
{
    /// <summary>Opens the latest snapshot for reading, or returns null when none was written yet.</summary>
    Task<Stream?> OpenReadAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the snapshot with what <paramref name="write"/> writes; readers see the old one until it completes.</summary>
    Task WriteAsync(Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default);
}
