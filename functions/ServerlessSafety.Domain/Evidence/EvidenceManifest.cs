namespace ServerlessSafety.Domain.Evidence;

/// <summary>The <c>manifest.json</c> of an evidence export: what the ZIP holds and whether it matches the custody records.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="ExportId">This export's id, also in the export's record in the evidence container.</param>
/// <param name="ExportedAt">When.</param>
/// <param name="ExportedBy">Who exported it.</param>
/// <param name="Entries">Every item, with its hashes as read from the evidence container.</param>
public sealed record EvidenceManifest(string CaseId, string ExportId, DateTimeOffset ExportedAt, string ExportedBy, IReadOnlyList<EvidenceManifestEntry> Entries)
{
    /// <summary>The manifest's name in the ZIP.</summary>
    public const string FileName = "manifest.json";

    /// <summary>A <c>sha256sum -c</c> file of every entry, beside the manifest.</summary>
    public const string ChecksumsFileName = "SHA256SUMS";

    /// <summary>Whether every item that has a custody record still hashes as the record says.</summary>
    public bool AllVerified => Entries.All(e => e.MatchesCustody != false);
}

/// <summary>One item of an export.</summary>
/// <param name="Path">Its path in the ZIP (relative to the case's evidence folder).</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of the bytes exported.</param>
/// <param name="Md5">MD5 of the bytes exported.</param>
/// <param name="MatchesCustody">Whether it matches its custody record; null when it has none (the records themselves).</param>
public sealed record EvidenceManifestEntry(string Path, long Length, string Sha256, string Md5, bool? MatchesCustody);
