using System.Text.Json;

namespace ServerlessSafety.Domain.Banks.Import;

/// <summary>How one distributor's list reads, as JSON lines or as CSV with a header row.</summary>
public interface IHashListFormat
{
    /// <summary>The format's name, also the source name of what it imports (<c>stopncii</c>, <c>ncmec</c>).</summary>
    string Name { get; }

    /// <summary>The entries of one JSON object; <paramref name="problem"/> says why when the object is unusable.</summary>
    IReadOnlyList<HashListEntry> ParseJson(JsonElement record, int line, out string? problem);

    /// <summary>The entries of one CSV row, keyed by the header's column names (case-insensitive).</summary>
    IReadOnlyList<HashListEntry> ParseCsv(IReadOnlyDictionary<string, string> row, int line, out string? problem);
}
