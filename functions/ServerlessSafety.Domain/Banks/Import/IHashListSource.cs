namespace ServerlessSafety.Domain.Banks.Import;

/// <summary>A list of hashes someone distributes (StopNCII, NCMEC, a file): the changes since a checkpoint, withdrawals included.</summary>
public interface IHashListSource
{
    /// <summary>The source's name, stored on every membership it adds (for example <c>stopncii</c>).</summary>
    string Name { get; }

    /// <summary>Reads the next page after <paramref name="checkpoint"/> (from the start when null).</summary>
    Task<HashListDelta> FetchAsync(string? checkpoint, CancellationToken cancellationToken = default);
}
