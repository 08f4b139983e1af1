namespace ServerlessSafety.Signals.Indexing;

/// <summary>One entry found by a query.</summary>
/// <param name="EntryId">The id it was added with.</param>
/// <param name="Distance">Its distance from the query hash.</param>
public readonly record struct HashIndexMatch(long EntryId, int Distance);
