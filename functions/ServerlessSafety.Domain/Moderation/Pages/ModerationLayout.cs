using System.Globalization;
using System.Text;
using ServerlessSafety.Domain.Moderation.Wellness;
using static System.Net.WebUtility;

namespace ServerlessSafety.Domain.Moderation.Pages;

/// <summary>The frame every workspace page shares: no script, media blurred and grey unless revealed.</summary>
public static class ModerationLayout
{
    /// <summary>
    /// The Content-Security-Policy the pages are served with: no script at all, media only from the app itself.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private const string Style =
        "body{font-family:system-ui,sans-serif;line-height:1.45;margin:0 auto;max-width:72rem;padding:1rem;color:#1a1a1a;background:#fafafa}"
        + "table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}"
        + ".overdue{color:#a00;font-weight:700}.soon{color:#8a4b00;font-weight:600}"
        + ".shielded{filter:grayscale(1) blur(24px);max-width:320px;max-height:320px}"
        + ".revealed{max-width:100%;max-height:80vh}figure{margin:0 0 1rem 0;overflow:hidden}"
        + ".problems{border:2px solid #a00;padding:.5rem 1rem;background:#fff0f0}"
        + ".break{border:2px solid #1a5fb4;padding:.5rem 1rem;background:#eef4fc}"
        + "code{word-break:break-all}:focus{outline:3px solid #1a5fb4;outline-offset:2px}";

    /// <summary>Opens a page; <paramref name="moderatorName"/> is who is signed in, or null on the sign-in page.</summary>
    public static StringBuilder Begin(string title, string? moderatorName, ModerationLinks links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var html = new StringBuilder(16 * 1024)
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n<title>").Append(HtmlEncode(title)).Append(" - Moderation</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<header>");
        if (moderatorName is not null)
        {
            html.Append("<nav aria-label=\"Workspace\"><a href=\"").Append(HtmlEncode(links.Queue())).Append("\">Queue</a></nav>")
                .Append("<p>Signed in as <strong>").Append(HtmlEncode(moderatorName)).Append("</strong></p>")
                .Append("<form method=\"post\" action=\"").Append(HtmlEncode(links.SignOut())).Append("\"><button type=\"submit\">Sign out</button></form>");
        }

        return html.Append("</header>\n<main>\n");
    }

    /// <summary>Closes a page.</summary>
    public static string End(StringBuilder html) => html.Append("</main>\n</body>\n</html>\n").ToString();

    /// <summary>Appends the problems of a refused action, announced to screen readers.</summary>
    public static void AppendProblems(StringBuilder html, IReadOnlyList<string> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        html.Append("<div class=\"problems\" role=\"alert\"><h2>The decision was not recorded</h2><ul>\n");
        foreach (var problem in problems)
        {
            html.Append("<li>").Append(HtmlEncode(problem)).Append("</li>\n");
        }

        html.Append("</ul></div>\n");
    }

    /// <summary>A moment as the tables show it: UTC to the second, machine-readable in <c>datetime</c>.</summary>
    public static void AppendTime(StringBuilder html, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Append("<time datetime=\"").Append(at.ToString("O", CultureInfo.InvariantCulture)).Append("\">")
            .Append(HtmlEncode(at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))).Append("</time>");
    }

    /// <summary>The moderator's counts for today and, past the limit, the suggestion to stop.</summary>
    public static void AppendToday(StringBuilder html, ExposureToday today)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(today);
        var c = today.Counts;
        html.Append("<p id=\"today\">Your cases today (UTC): ").Append(c.CasesOpened.ToString(CultureInfo.InvariantCulture)).Append(" opened, ")
            .Append(c.FilesRevealed.ToString(CultureInfo.InvariantCulture)).Append(" of ").Append(today.RevealLimit.ToString(CultureInfo.InvariantCulture))
            .Append(" files revealed, ").Append(c.Decisions.ToString(CultureInfo.InvariantCulture)).Append(" decided.</p>\n");
        if (today.LimitReached)
        {
            html.Append("<div class=\"break\" role=\"status\"><p>You have reached today's limit of revealed files. Please take a break. ")
                .Append("New cases with images or video go to other moderators for the rest of the day.</p></div>\n");
        }
    }

    /// <summary>Time left before a deadline, in words, with a class that marks urgency.</summary>
    public static string TimeLeft(TimeSpan left)
    {
        var magnitude = left.Duration();
        var words = magnitude.TotalHours >= 1 ? $"{(int)magnitude.TotalHours} h {magnitude.Minutes} min" : $"{magnitude.Minutes} min";
        return left <= TimeSpan.Zero
            ? $"<span class=\"overdue\">overdue by {words}</span>"
            : left < TimeSpan.FromHours(6) ? $"<span class=\"soon\">{words} left</span>" : $"{words} left";
    }
}
