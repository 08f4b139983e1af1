using ServerlessSafety.Domain.Moderation.Audit;
using static System.Net.WebUtility;

namespace ServerlessSafety.Domain.Moderation.Pages;

/// <summary>The admins' audit page: the latest entries, by case or by moderator.</summary>
public static class AuditPage
{
    /// <summary>Renders the entries that <paramref name="query"/> selected.</summary>
    public static string Render(IReadOnlyList<AuditEntry> entries, AuditQuery query, string adminName, ModerationLinks links)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(links);
        var html = ModerationLayout.Begin("Audit log", adminName, links);
        html.Append("<h1>Audit log</h1>\n<form method=\"get\" action=\"").Append(HtmlEncode(links.Audit())).Append("\">\n")
            .Append("<label for=\"caseId\">Case</label> <input id=\"caseId\" name=\"caseId\" value=\"").Append(HtmlEncode(query.CaseId ?? string.Empty)).Append("\">\n")
            .Append("<label for=\"moderator\">Moderator</label> <input id=\"moderator\" name=\"moderator\" value=\"").Append(HtmlEncode(query.ModeratorId ?? string.Empty)).Append("\">\n")
            .Append("<button type=\"submit\">Show</button>\n</form>\n");
        AuditTable.Append(html, entries, withCase: true);
        return ModerationLayout.End(html);
    }
}
