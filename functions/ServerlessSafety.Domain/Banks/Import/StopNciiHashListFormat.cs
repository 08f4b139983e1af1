using System.Text.Json;

namespace ServerlessSafety.Domain.Banks.Import;

/// <summary>
/// Hash records as StopNCII.org's FetchHashes API returns them: <c>signalType</c> (<c>ImagePDQ</c> or
/// <c>VideoMD5</c>), <c>hashValue</c>, <c>hashStatus</c> (<c>Received</c>, <c>Active</c>, <c>Withdrawn</c>,
/// <c>Deleted</c>), <c>lastModtimestamp</c> and <c>caseNumbers</c>.
/// </summary>
/// <remarks>
/// JSON lines hold one record each, or a whole FetchHashes page (<c>{"hashRecords": [...]}</c>). CSV has a header
/// row naming the same fields; its <c>caseNumbers</c> column separates case numbers with <c>;</c>. A record whose
/// status is <c>Withdrawn</c> or <c>Deleted</c> withdraws the hash: StopNCII asks partners to delete it.
/// An optional <c>quality</c> field gives the PDQ quality when the list has it.
/// </remarks>
public sealed class StopNciiHashListFormat : IHashListFormat
{
    /// <summary>The format's name.</summary>
    public const string FormatName = "stopncii";

    /// <inheritdoc />
    public string Name => FormatName;

    /// <inheritdoc />
    public IReadOnlyList<HashListEntry> ParseJson(JsonElement record, int line, out string? problem)
    {
        if (HashListFields.Property(record, "hashRecords") is { ValueKind: JsonValueKind.Array } page)
        {
            var entries = new List<HashListEntry>();
            var index = 0;
            foreach (var item in page.EnumerateArray())
            {
                index++;
                entries.AddRange(ParseJson(item, line, out problem));
                if (problem is not null)
                {
                    problem = $"hashRecords[{index - 1}]: {problem}";
                    return [];
                }
            }

            problem = null;
            return entries;
        }

        var caseNumbers = HashListFields.Property(record, "caseNumbers") switch
        {
            { ValueKind: JsonValueKind.Object } o => string.Join(';', o.EnumerateObject().Select(p => p.Name)),
            { ValueKind: JsonValueKind.Array } a => string.Join(';', a.EnumerateArray().Select(e => e.ToString())),
            _ => null,
        };
        return Parse(
            HashListFields.Text(record, "signalType"),
            HashListFields.Text(record, "hashValue"),
            HashListFields.Text(record, "hashStatus"),
            HashListFields.Text(record, "lastModtimestamp"),
            caseNumbers,
            HashListFields.Text(record, "quality"),
            line,
            out problem);
    }

    /// <inheritdoc />
    public IReadOnlyList<HashListEntry> ParseCsv(IReadOnlyDictionary<string, string> row, int line, out string? problem)
        => Parse(
            HashListFields.Text(row, "signalType"),
            HashListFields.Text(row, "hashValue"),
            HashListFields.Text(row, "hashStatus"),
            HashListFields.Text(row, "lastModtimestamp"),
            HashListFields.Text(row, "caseNumbers"),
            HashListFields.Text(row, "quality"),
            line,
            out problem);

    private static IReadOnlyList<HashListEntry> Parse(
        string? signalType, string? value, string? status, string? modified, string? caseNumbers, string? qualityText, int line, out string? problem)
    {
        var type = signalType switch
        {
            "ImagePDQ" => BankSignalTypes.Pdq,
            "VideoMD5" => BankSignalTypes.Md5,
            null => null,
            _ => string.Empty,
        };
        if (type is null)
        {
            problem = "signalType is missing";
            return [];
        }

        if (type.Length == 0)
        {
            problem = $"signalType '{Bounded(signalType!)}' is not matched here (only ImagePDQ and VideoMD5)";
            return [];
        }

        var withdrawn = status switch
        {
            "Withdrawn" or "Deleted" => true,
            "Received" or "Active" or null => false,
            _ => (bool?)null,
        };
        if (withdrawn is null)
        {
            problem = $"hashStatus '{Bounded(status!)}' is not one of Received, Active, Withdrawn, Deleted";
            return [];
        }

        var quality = HashListFields.Quality(qualityText, out problem);
        if (problem is not null)
        {
            return [];
        }

        var hash = HashListFields.Hash(type, value, quality, out problem);
        if (hash is null)
        {
            problem = $"hashValue: {problem}";
            return [];
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        HashListFields.Put(metadata, "status", status);
        HashListFields.Put(metadata, "lastModified", modified);
        HashListFields.Put(metadata, "caseNumbers", caseNumbers);
        return [new HashListEntry(hash, withdrawn.Value, metadata, line)];
    }

    private static string Bounded(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
