using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Banks.Import;

/// <summary>One hash a list adds or withdraws.</summary>
/// <param name="Hash">The normalized hash.</param>
/// <param name="Withdrawn">Whether the list withdraws it: it must stop matching and be deleted.</param>
/// <param name="Metadata">What the list says about it (its ids, status, case numbers); kept on the bank membership.</param>
/// <param name="Line">The line of the list it came from (1-based), for error messages.</param>
public sealed record HashListEntry(ContentHash Hash, bool Withdrawn, IReadOnlyDictionary<string, string> Metadata, int Line);
