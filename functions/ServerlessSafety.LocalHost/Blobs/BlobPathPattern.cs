using System.Text;
using System.Text.RegularExpressions;

namespace ServerlessSafety.LocalHost.Blobs;

/// <summary>
/// A blob trigger's path, <c>container/prefix{name}suffix</c>: the container, the listing prefix, and the names that a
/// blob's path yields as binding data.
/// </summary>
internal sealed class BlobPathPattern
{
    private readonly Regex _blobName;

    private BlobPathPattern(string container, string prefix, Regex blobName, IReadOnlyList<string> names)
    {
        Container = container;
        Prefix = prefix;
        _blobName = blobName;
        Names = names;
    }

    public string Container { get; }

    /// <summary>The literal start of matching blob names; listing asks only for these.</summary>
    public string Prefix { get; }

    public IReadOnlyList<string> Names { get; }

    /// <summary>Parses a resolved path; throws <see cref="FormatException"/> with the reason.</summary>
    public static BlobPathPattern Parse(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var container = slash < 0 ? path : path[..slash];
        var blob = slash < 0 ? "{name}" : path[(slash + 1)..];
        if (container.Length == 0 || container.Contains('{', StringComparison.Ordinal))
        {
            throw new FormatException($"the blob path '{path}' must start with a fixed container name");
        }

        var names = new List<string>();
        var regex = new StringBuilder("^");
        var position = 0;
        foreach (Match placeholder in Regex.Matches(blob, @"\{([A-Za-z_][A-Za-z0-9_]*)\}"))
        {
            regex.Append(Regex.Escape(blob[position..placeholder.Index]));
            regex.Append("(?<").Append(placeholder.Groups[1].Value).Append(">.+?)");
            names.Add(placeholder.Groups[1].Value);
            position = placeholder.Index + placeholder.Length;
        }

        regex.Append(Regex.Escape(blob[position..])).Append('$');
        var firstPlaceholder = blob.IndexOf('{', StringComparison.Ordinal);
        var prefix = firstPlaceholder < 0 ? blob : blob[..firstPlaceholder];
        return new BlobPathPattern(container, prefix, new Regex(regex.ToString(), RegexOptions.CultureInvariant), names);
    }

    /// <summary>The named parts of a matching blob name, or null when it does not match.</summary>
    public IReadOnlyDictionary<string, string>? Match(string blobName)
    {
        var match = _blobName.Match(blobName);
        return match.Success ? Names.ToDictionary(n => n, n => match.Groups[n].Value, StringComparer.OrdinalIgnoreCase) : null;
    }
}
