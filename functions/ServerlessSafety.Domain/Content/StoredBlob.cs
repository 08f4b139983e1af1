namespace ServerlessSafety.Domain.Content;

/// <summary>What the vault knows of a stored blob.</summary>
/// <param name="Location">Where it is.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="ContentType">Media type.</param>
/// <param name="Metadata">Blob metadata (no personal data).</param>
public sealed record StoredBlob(BlobLocation Location, long Length, string ContentType, IReadOnlyDictionary<string, string> Metadata);
