using System.Globalization;
using System.Text.Json;

namespace ServerlessSafety.Domain.Banks.Import;

/// <summary>
/// A hash list read from a file or stream: JSON lines, or CSV with a header row, in one of the
/// <see cref="HashListFormats"/>. The checkpoint is the number of lines consumed; a bad line becomes a
/// <see cref="HashListLineError"/> and the import goes on.
/// </summary>
/// <remarks>
/// Blank lines and lines starting with <c>#</c> are skipped. A line longer than <see cref="MaxLineLength"/>
/// characters is an error, read past without being kept. The reader only moves forward: a checkpoint ahead of it
/// is reached by skipping lines, one behind it is refused.
/// </remarks>
public sealed class HashListFileSource : IHashListSource
{
    /// <summary>The longest line accepted (a StopNCII FetchHashes page of 800 records fits).</summary>
    public const int MaxLineLength = 1 << 20;

    private const int PageSize = 1000;

    private readonly BoundedLineReader _reader;
    private readonly IHashListFormat _format;
    private IReadOnlyList<string>? _header;
    private int _line;

    /// <summary>Reads <paramref name="reader"/> as <paramref name="format"/>; the caller disposes the reader.</summary>
    public HashListFileSource(TextReader reader, IHashListFormat format)
    {
        _reader = new BoundedLineReader(reader, MaxLineLength);
        _format = format;
    }

    /// <inheritdoc />
    public string Name => _format.Name;

    /// <inheritdoc />
    public async Task<HashListDelta> FetchAsync(string? checkpoint, CancellationToken cancellationToken = default)
    {
        var start = checkpoint is null ? 0 : int.Parse(checkpoint, NumberStyles.None, CultureInfo.InvariantCulture);
        if (start < _line)
        {
            throw new InvalidOperationException($"The list was read past line {start}; open it again to resume from there.");
        }

        var entries = new List<HashListEntry>();
        var errors = new List<HashListLineError>();
        while (_line < start && await _reader.ReadLineAsync(cancellationToken) is { } skipped)
        {
            _line++;
            RememberHeader(skipped.Text);
        }

        while (entries.Count + errors.Count < PageSize)
        {
            if (await _reader.ReadLineAsync(cancellationToken) is not { } read)
            {
                return new HashListDelta(entries, errors, Checkpoint(), HasMore: false);
            }

            _line++;
            if (read.TooLong)
            {
                errors.Add(new HashListLineError(_line, $"longer than {MaxLineLength} characters"));
                continue;
            }

            var text = read.Text.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var parsed = text.StartsWith('{') ? ParseJson(text, out var problem) : ParseCsv(text, out problem);
            if (problem is not null)
            {
                errors.Add(new HashListLineError(_line, problem));
            }
            else
            {
                entries.AddRange(parsed);
            }
        }

        return new HashListDelta(entries, errors, Checkpoint(), HasMore: true);
    }

    private string Checkpoint() => _line.ToString(CultureInfo.InvariantCulture);

    private IReadOnlyList<HashListEntry> ParseJson(string text, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
            return _format.ParseJson(document.RootElement, _line, out problem);
        }
        catch (JsonException)
        {
            problem = "not valid JSON";
            return [];
        }
    }

    private IReadOnlyList<HashListEntry> ParseCsv(string text, out string? problem)
    {
        var fields = CsvLine.Split(text, out problem);
        if (fields is null)
        {
            return [];
        }

        if (_header is null)
        {
            _header = fields.Select(f => f.Trim()).ToList();
            return [];
        }

        if (fields.Count != _header.Count)
        {
            problem = $"{fields.Count} fields where the header has {_header.Count}";
            return [];
        }

        var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Count; i++)
        {
            row[_header[i]] = fields[i];
        }

        return _format.ParseCsv(row, _line, out problem);
    }

    private void RememberHeader(string text)
    {
        var trimmed = text.Trim();
        if (_header is null && trimmed.Length > 0 && !trimmed.StartsWith('#') && !trimmed.StartsWith('{'))
        {
            _header = CsvLine.Split(trimmed, out _)?.Select(f => f.Trim()).ToList();
        }
    }
}
