namespace ServerlessSafety.Domain.Banks.Import;

/// <summary>One page of a hash list: the entries in list order, the lines that failed, and where to resume.</summary>
/// <param name="Entries">Additions and withdrawals, in the order the list gives them (order matters: add then withdraw ends withdrawn).</param>
/// <param name="Errors">Lines that could not be used.</param>
/// <param name="Checkpoint">Pass it to the next fetch to continue after this page.</param>
/// <param name="HasMore">Whether another page follows.</param>
public sealed record HashListDelta(
    IReadOnlyList<HashListEntry> Entries,
    IReadOnlyList<HashListLineError> Errors,
    string Checkpoint,
    bool HasMore);
