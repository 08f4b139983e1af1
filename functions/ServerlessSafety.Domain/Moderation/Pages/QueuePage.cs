using System.Globalization;
using System.Text;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Moderation.Queue;
using ServerlessSafety.Domain.Policy;
using static System.Net.WebUtility;

namespace ServerlessSafety.Domain.Moderation.Pages;

/// <summary>The queue page: open cases by priority and deadline, with filters. Lists show no content.</summary>
public static class QueuePage
{
    /// <summary>Renders the queue.</summary>
    public static string Render(QueueSnapshot snapshot, QueueFilter filter, SafetyPolicy policy, string moderatorName, ModerationLinks links)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var items = snapshot.Items;
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(policy);
        var html = ModerationLayout.Begin("Queue", moderatorName, links);
        html.Append("<h1>Open cases</h1>\n");
        ModerationLayout.AppendToday(html, snapshot.Today);
        html.Append("<form method=\"get\" action=\"").Append(HtmlEncode(links.Queue())).Append("\">\n");

        html.Append("<label for=\"category\">Category</label> <select id=\"category\" name=\"category\"><option value=\"\">All</option>\n");
        foreach (var category in policy.Categories)
        {
            html.Append("<option value=\"").Append(HtmlEncode(category.Id)).Append('"').Append(filter.Category == category.Id ? " selected" : string.Empty)
                .Append('>').Append(HtmlEncode(category.Name)).Append("</option>\n");
        }

        html.Append("</select>\n<input type=\"checkbox\" id=\"minor\" name=\"minor\" value=\"true\"").Append(filter.MinorOnly ? " checked" : string.Empty)
            .Append("> <label for=\"minor\">Minor involved only</label>\n")
            .Append("<label for=\"account\">Account</label> <input id=\"account\" name=\"account\" maxlength=\"").Append(QueueFilter.MaxAccountLength.ToString(CultureInfo.InvariantCulture))
            .Append("\" value=\"").Append(HtmlEncode(filter.Account ?? string.Empty)).Append("\">\n<button type=\"submit\">Filter</button>\n</form>\n");

        // Taking the next case keeps the filter the moderator is looking at.
        html.Append("<form method=\"post\" action=\"").Append(HtmlEncode(links.Next())).Append("\">\n");
        Hidden(html, "category", filter.Category);
        Hidden(html, "minor", filter.MinorOnly ? "true" : null);
        Hidden(html, "account", filter.Account);
        html.Append("<button type=\"submit\">Take the next case</button>\n</form>\n");
        if (items.Count == 0)
        {
            html.Append("<p>No open cases.</p>\n");
            return ModerationLayout.End(html);
        }

        html.Append("<table>\n<caption>").Append(items.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" open cases, highest priority first</caption>\n<thead><tr><th scope=\"col\">Priority</th><th scope=\"col\">Case</th><th scope=\"col\">Category</th>")
            .Append("<th scope=\"col\">Minor</th><th scope=\"col\">Matches</th><th scope=\"col\">Status</th><th scope=\"col\">Deadline</th><th scope=\"col\">Worked by</th></tr></thead>\n<tbody>\n");
        foreach (var item in items)
        {
            html.Append("<tr><td>").Append(item.Priority?.ToString(CultureInfo.InvariantCulture) ?? "not triaged").Append("</td>")
                .Append("<td><a href=\"").Append(HtmlEncode(links.Case(item.CaseId))).Append("\">").Append(HtmlEncode(item.CaseId)).Append("</a></td>")
                .Append("<td>").Append(HtmlEncode(item.CategoryName)).Append("</td>")
                .Append("<td>").Append(item.InvolvesMinor ? "yes" : "no").Append("</td>")
                .Append("<td>").Append(item.MatchCount.ToString(CultureInfo.InvariantCulture)).Append("</td>")
                .Append("<td>").Append(HtmlEncode(Describe(item))).Append("</td>")
                .Append("<td><time datetime=\"").Append(item.DueBy.ToString("O", CultureInfo.InvariantCulture)).Append("\">").Append(ModerationLayout.TimeLeft(item.TimeLeft)).Append("</time></td>")
                .Append("<td>").Append(item.ClaimedBy is null ? "nobody" : HtmlEncode(item.ClaimedBy)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        return ModerationLayout.End(html);
    }

    private static void Hidden(StringBuilder html, string name, string? value)
    {
        if (value is not null)
        {
            html.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(HtmlEncode(value)).Append("\">\n");
        }
    }

    private static string Describe(QueueItem item) => item.Route == TriageRoute.NcmecEscalation
        ? $"{item.Status}, sent to NCMEC without review"
        : item.Status.ToString();
}
