namespace ServerlessSafety.Domain.Cases;

/// <summary>
/// The cases as they change, each at its latest version, from a checkpoint on: what views (the moderators' queue)
/// are kept from instead of queries across all cases.
/// </summary>
public interface ICaseChangeFeed
{
    /// <summary>
    /// Up to about <paramref name="maxCases"/> cases changed since <paramref name="checkpoint"/> (null: from the
    /// beginning), and the checkpoint to go on from. No cases means the view is up to date.
    /// </summary>
    Task<CaseChanges> ReadChangesAsync(string? checkpoint, int maxCases, CancellationToken cancellationToken = default);
}
