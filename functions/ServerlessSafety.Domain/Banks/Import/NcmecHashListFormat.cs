using System.Text.Json;

namespace ServerlessSafety.Domain.Banks.Import;

/// <summary>
/// Entries as NCMEC's hash sharing service distributes them: an entry <c>id</c>, the contributing
/// <c>memberId</c>, a <c>deleted</c> flag, and its <c>fingerprints</c> (<c>md5</c>, <c>sha256</c>, <c>pdq</c>;
/// others such as <c>sha1</c> or <c>photodna</c> are not matched here and are skipped).
/// </summary>
/// <remarks>
/// JSON lines hold one entry each with a <c>fingerprints</c> object. CSV has a header row with the columns
/// <c>id</c>, <c>memberId</c>, <c>deleted</c>, <c>md5</c>, <c>sha256</c>, <c>pdq</c> and optionally
/// <c>pdqQuality</c>. One entry gives one bank hash per usable fingerprint; a deleted entry withdraws them all.
/// </remarks>
public sealed class NcmecHashListFormat : IHashListFormat
{
    /// <summary>The format's name.</summary>
    public const string FormatName = "ncmec";

    /// <inheritdoc />
    public string Name => FormatName;

    /// <inheritdoc />
    public IReadOnlyList<HashListEntry> ParseJson(JsonElement record, int line, out string? problem)
    {
        var fingerprints = HashListFields.Property(record, "fingerprints");
        if (fingerprints is not { ValueKind: JsonValueKind.Object } prints)
        {
            problem = "fingerprints object is missing";
            return [];
        }

        return Parse(
            HashListFields.Text(record, "id"),
            HashListFields.Text(record, "memberId"),
            HashListFields.Text(record, "deleted"),
            HashListFields.Text(prints, "md5"),
            HashListFields.Text(prints, "sha256"),
            HashListFields.Text(prints, "pdq"),
            HashListFields.Text(record, "pdqQuality") ?? HashListFields.Text(prints, "pdqQuality"),
            line,
            out problem);
    }

    /// <inheritdoc />
    public IReadOnlyList<HashListEntry> ParseCsv(IReadOnlyDictionary<string, string> row, int line, out string? problem)
        => Parse(
            HashListFields.Text(row, "id"),
            HashListFields.Text(row, "memberId") ?? HashListFields.Text(row, "member_id"),
            HashListFields.Text(row, "deleted"),
            HashListFields.Text(row, "md5"),
            HashListFields.Text(row, "sha256"),
            HashListFields.Text(row, "pdq"),
            HashListFields.Text(row, "pdqQuality"),
            line,
            out problem);

    private static IReadOnlyList<HashListEntry> Parse(
        string? id, string? memberId, string? deletedText, string? md5, string? sha256, string? pdq, string? qualityText, int line, out string? problem)
    {
        bool deleted;
        switch (deletedText?.ToLowerInvariant())
        {
            case null or "false" or "0":
                deleted = false;
                break;
            case "true" or "1":
                deleted = true;
                break;
            default:
                problem = "deleted must be true or false";
                return [];
        }

        var quality = HashListFields.Quality(qualityText, out problem);
        if (problem is not null)
        {
            return [];
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        HashListFields.Put(metadata, "ncmecId", id);
        HashListFields.Put(metadata, "memberId", memberId);
        var entries = new List<HashListEntry>();
        foreach (var (type, value) in new[] { (BankSignalTypes.Md5, md5), (BankSignalTypes.Sha256, sha256), (BankSignalTypes.Pdq, pdq) })
        {
            if (value is null)
            {
                continue;
            }

            var hash = HashListFields.Hash(type, value, quality, out problem);
            if (hash is null)
            {
                problem = $"{type}: {problem}";
                return [];
            }

            entries.Add(new HashListEntry(hash, deleted, metadata, line));
        }

        if (entries.Count == 0)
        {
            problem = "no md5, sha256 or pdq fingerprint";
            return [];
        }

        problem = null;
        return entries;
    }
}
