using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace ServerlessSafety.Domain.Policy;

/// <summary>
/// The policy as the terms-of-service page users read (<c>GET /api/policy</c>): semantic HTML, no script, every
/// value from the policy escaped.
/// </summary>
public static class PolicyPage
{
    /// <summary>Renders the whole page.</summary>
    public static string Render(SafetyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var html = new StringBuilder(16 * 1024);
        var title = $"Safety rules of {policy.PlatformName}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlEncode(title)).Append("</title>\n<style>")
            .Append("body{font-family:system-ui,sans-serif;line-height:1.5;max-width:46rem;margin:0 auto;padding:1rem;color:#1a1a1a;background:#fff}")
            .Append("a{color:#0645ad}h2{margin-top:2.5rem;border-top:1px solid #ccc;padding-top:1rem}dt{font-weight:600}")
            .Append(":focus{outline:3px solid #1a5fb4;outline-offset:2px}")
            .Append("</style>\n</head>\n<body>\n<header>\n<h1>").Append(HtmlEncode(title)).Append("</h1>\n")
            .Append("<p>Version ").Append(HtmlEncode(policy.Version)).Append(". These rules say what is not allowed, what we do about it and how fast, and where you can get help.</p>\n")
            .Append("<nav aria-label=\"Contents\"><ul>\n");
        foreach (var category in policy.Categories)
        {
            html.Append("<li><a href=\"#").Append(HtmlEncode(category.Id)).Append("\">").Append(HtmlEncode(category.Name)).Append("</a></li>\n");
        }

        html.Append("<li><a href=\"#remove-elsewhere\">Getting images removed elsewhere</a></li>\n<li><a href=\"#help\">Where to find help</a></li>\n</ul></nav>\n</header>\n<main>\n");
        foreach (var category in policy.Categories)
        {
            AppendCategory(html, category);
        }

        html.Append("<section aria-labelledby=\"remove-elsewhere\">\n<h2 id=\"remove-elsewhere\">Getting images removed elsewhere</h2>\n");
        AppendResources(html, policy.RemovalServices);
        html.Append("</section>\n<section aria-labelledby=\"help\">\n<h2 id=\"help\">Where to find help</h2>\n");
        AppendResources(html, policy.Help);
        html.Append("</section>\n</main>\n<footer>\n");
        if (policy.SafetyContact is not null)
        {
            html.Append("<p>Questions about these rules: ").Append(HtmlEncode(policy.SafetyContact)).Append("</p>\n");
        }

        return html.Append("</footer>\n</body>\n</html>\n").ToString();
    }

    private static void AppendCategory(StringBuilder html, PolicyCategory category)
    {
        html.Append("<section aria-labelledby=\"").Append(HtmlEncode(category.Id)).Append("\">\n<h2 id=\"").Append(HtmlEncode(category.Id)).Append("\">")
            .Append(HtmlEncode(category.Name)).Append("</h2>\n<p>").Append(HtmlEncode(category.Prohibited)).Append("</p>\n<dl>\n")
            .Append("<dt>How fast we act</dt><dd>We resolve reports within ").Append(HtmlEncode(DurationText.Format(category.ResolveWithin))).Append(".</dd>\n")
            .Append("<dt>Report to NCMEC</dt><dd>").Append(category.NcmecReport switch
            {
                NcmecReportRule.Always => "Every case is reported to NCMEC's CyberTipline.",
                NcmecReportRule.WhenMinorInvolved => "Cases that involve anyone under 18 are reported to NCMEC's CyberTipline.",
                _ => "Not reported to NCMEC.",
            }).Append("</dd>\n<dt>What the offender faces</dt><dd><ol>\n");
        for (var i = 0; i < category.Ladder.Count; i++)
        {
            var occasion = category.Ladder.Count == 1 ? "Any offence" : i == category.Ladder.Count - 1 ? $"Offence {i + 1} and after" : i == 0 ? "First offence" : $"Offence {(i + 1).ToString(CultureInfo.InvariantCulture)}";
            html.Append("<li>").Append(HtmlEncode(occasion)).Append(": ").Append(HtmlEncode(category.Ladder[i].Describe())).Append("</li>\n");
        }

        html.Append("</ol></dd>\n</dl>\n<h3>If this is happening to you</h3>\n<ol>\n");
        foreach (var step in category.Victim.DoNow)
        {
            html.Append("<li>").Append(HtmlEncode(step)).Append("</li>\n");
        }

        html.Append("</ol>\n");
        if (category.Victim.RemoveElsewhere.Count > 0)
        {
            html.Append("<p>To get images removed from other platforms too: ");
            html.AppendJoin(", ", category.Victim.RemoveElsewhere.Select(r => $"<a href=\"{HtmlEncode(r.Url.AbsoluteUri)}\">{HtmlEncode(r.Name)}</a>"));
            html.Append(".</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void AppendResources(StringBuilder html, IReadOnlyList<SupportResource> resources)
    {
        html.Append("<ul>\n");
        foreach (var resource in resources)
        {
            html.Append("<li><a href=\"").Append(HtmlEncode(resource.Url.AbsoluteUri)).Append("\">").Append(HtmlEncode(resource.Name)).Append("</a>");
            if (resource.Phone is not null)
            {
                html.Append(" (phone <a href=\"tel:").Append(HtmlEncode(resource.Phone)).Append("\">").Append(HtmlEncode(resource.Phone)).Append("</a>)");
            }

            html.Append(": ").Append(HtmlEncode(resource.Description)).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }
}
