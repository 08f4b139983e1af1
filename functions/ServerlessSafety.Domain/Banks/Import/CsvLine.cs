using System.Text;

namespace ServerlessSafety.Domain.Banks.Import;

/// <summary>Splits one CSV line (RFC 4180 quoting; a quoted field may not span lines).</summary>
internal static class CsvLine
{
    public static IReadOnlyList<string>? Split(string line, out string? problem)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            problem = "a quoted field is not closed";
            return null;
        }

        fields.Add(field.ToString());
        problem = null;
        return fields;
    }
}
