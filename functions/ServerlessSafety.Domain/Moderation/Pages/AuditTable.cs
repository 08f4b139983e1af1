using System.Text;
using ServerlessSafety.Domain.Moderation.Audit;
using static System.Net.WebUtility;

namespace ServerlessSafety.Domain.Moderation.Pages;

/// <summary>The audit entries as a table, on the case page and the admins' audit page.</summary>
public static class AuditTable
{
    /// <summary>Appends the table; <paramref name="withCase"/> adds the case column.</summary>
    public static void Append(StringBuilder html, IReadOnlyList<AuditEntry> entries, bool withCase)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            html.Append("<p>No entries.</p>\n");
            return;
        }

        html.Append("<table class=\"audit\"><thead><tr><th scope=\"col\">When (UTC)</th>").Append(withCase ? "<th scope=\"col\">Case</th>" : string.Empty)
            .Append("<th scope=\"col\">Who</th><th scope=\"col\">What</th><th scope=\"col\">Why or which</th></tr></thead><tbody>\n");
        foreach (var e in entries)
        {
            html.Append("<tr><td>");
            ModerationLayout.AppendTime(html, e.At);
            html.Append("</td>");
            if (withCase)
            {
                html.Append("<td>").Append(HtmlEncode(e.CaseId)).Append("</td>");
            }

            html.Append("<td>").Append(HtmlEncode(e.ModeratorId)).Append("</td><td>").Append(HtmlEncode(e.Action)).Append("</td><td>")
                .Append(HtmlEncode(e.Detail)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }
}
