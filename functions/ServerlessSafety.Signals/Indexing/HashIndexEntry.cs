namespace ServerlessSafety.Signals.Indexing;

/// <summary>A hash and the caller's entry id, as held by an index.</summary>
/// <typeparam name="THash">The hash type.</typeparam>
/// <param name="Hash">The hash.</param>
/// <param name="EntryId">The caller's non-negative id.</param>
public readonly record struct HashIndexEntry<THash>(THash Hash, long EntryId);
