using System.Text;
using Microsoft.AspNetCore.Mvc;
using ServerlessSafety.Domain.Policy;
using ServerlessSafety.Domain.Reports;
using static ServerlessSafety.Functions.Pages.PageLayout;

namespace ServerlessSafety.Functions.Pages;

/// <summary>The report page, its confirmation and the status pages, in plain, calm words from the policy.</summary>
public sealed class ReportPageRenderer
{
    private readonly SafetyPolicy _policy;

    /// <summary>Creates the renderer for the platform's policy.</summary>
    public ReportPageRenderer(SafetyPolicy policy)
    {
        _policy = policy;
    }

    /// <summary>The report form, with the values and problems of a previous attempt when there was one.</summary>
    public ContentResult ReportForm(string formKey, ReportSubmission? previous = null, ValidationErrors? errors = null, string? problem = null)
    {
        var html = new StringBuilder();
        html.Append("<h1>Report abuse</h1>")
            .Append("<p>You are not in trouble, and this is not your fault. Tell us what happened and we will act on it. ")
            .Append("Only our safety team sees your report. You can stop at any time.</p>");
        AppendErrors(html, errors, problem);

        html.Append("<form method=\"post\" action=\"/api/report\" enctype=\"multipart/form-data\" novalidate>")
            .Append("<input type=\"hidden\" name=\"formKey\" value=\"").Append(Encode(formKey)).Append("\">");

        html.Append("<fieldset><legend>What kind of abuse is it? (required)</legend>");
        AppendFieldError(html, errors, "category");
        foreach (var category in _policy.Categories)
        {
            var id = "category-" + category.Id;
            var isChecked = previous?.Category == category.Id ? " checked" : "";
            html.Append("<label class=\"choice\" for=\"").Append(id).Append("\"><input type=\"radio\" id=\"").Append(id)
                .Append("\" name=\"category\" value=\"").Append(Encode(category.Id)).Append('"').Append(isChecked).Append('>')
                .Append(Encode(category.Name)).Append("</label>");
        }

        html.Append("</fieldset>");
        html.Append("<p>Tell us what to look at. One of these is enough.</p>");
        AppendInput(html, errors, "contentUrl", "Link to the post, picture or video", "Copy the link from the address bar or the share button.", "url", previous?.ContentUrl);
        AppendInput(html, errors, "account", "The account that did this", "Their username or profile link.", "text", previous?.Account);
        AppendInput(html, errors, "message", "A message you received", "The message id, or paste the words.", "text", previous?.Message);
        AppendInput(html, errors, "uploadId", "Upload id", "If the app showed you one.", "text", previous?.UploadId);

        html.Append("<label for=\"justification\">What happened? <span class=\"hint\">Only what you are comfortable sharing.</span></label>");
        AppendFieldError(html, errors, "justification");
        html.Append("<textarea id=\"justification\" name=\"justification\" maxlength=\"").Append(ReportLimits.MaxJustificationLength).Append("\">")
            .Append(Encode(previous?.Justification)).Append("</textarea>");

        AppendYesNo(html, "reporterIsDepicted", "Are you the person shown?", previous?.ReporterIsDepicted);
        AppendYesNo(html, "involvesMinor", "Is anyone shown under 18, or might they be?", previous?.InvolvesMinor);

        html.Append("<label for=\"evidence\">A screenshot or the picture (optional) <span class=\"hint\">JPEG, PNG, GIF, WebP or BMP, up to ")
            .Append(ReportLimits.MaxEvidenceBytes / (1024 * 1024)).Append(" MB. It is kept private and only our safety team can open it.</span></label>");
        AppendFieldError(html, errors, "evidence");
        html.Append("<input type=\"file\" id=\"evidence\" name=\"evidence\" accept=\"image/jpeg,image/png,image/gif,image/webp,image/bmp\">");

        AppendInput(html, errors, "contact.email", "Email for updates (optional)", "We only use it to tell you about this report.", "email", previous?.Contact?.Email, "contactEmail");
        html.Append("<button type=\"submit\">Send report</button></form>");
        AppendGuidance(html, previous?.Category);
        return Page("Report abuse", html.ToString(), errors is null && problem is null ? 200 : 422);
    }

    /// <summary>The confirmation: the case reference and the status code, shown this once.</summary>
    public ContentResult Confirmation(string caseId, string statusToken, string? category)
    {
        var html = new StringBuilder()
            .Append("<h1>We received your report</h1>")
            .Append("<div class=\"notice\" role=\"status\"><p>Thank you for telling us. Our safety team will look at it and aims to resolve it within ")
            .Append(Encode(Deadline(category))).Append(".</p></div>")
            .Append("<h2>Keep these to check your report</h2>")
            .Append("<p>Case reference:</p><p class=\"secret\" id=\"case-id\">").Append(Encode(caseId)).Append("</p>")
            .Append("<p>Status code (shown only now; keep it private):</p><p class=\"secret\" id=\"status-token\">").Append(Encode(statusToken)).Append("</p>")
            .Append("<p><a href=\"/api/status\">Check the status of a report</a></p>");
        AppendGuidance(html, category);
        return Page("Report received", html.ToString(), 202);
    }

    /// <summary>The form that asks for a case reference and status code (never put in the URL).</summary>
    public ContentResult StatusForm(bool notFound = false)
    {
        var html = new StringBuilder().Append("<h1>Check a report</h1>");
        if (notFound)
        {
            html.Append("<div class=\"errors\" role=\"alert\" tabindex=\"-1\"><h2>We could not find that report</h2><p>Check the case reference and the status code and try again.</p></div>");
        }

        html.Append("<form method=\"post\" action=\"/api/status\">")
            .Append("<label for=\"caseId\">Case reference</label><input type=\"text\" id=\"caseId\" name=\"caseId\" autocomplete=\"off\" required>")
            .Append("<label for=\"statusToken\">Status code</label><input type=\"text\" id=\"statusToken\" name=\"statusToken\" autocomplete=\"off\" required>")
            .Append("<button type=\"submit\">Show status</button></form>");
        return Page("Check a report", html.ToString(), notFound ? 404 : 200);
    }

    /// <summary>The status of a case: the timeline with times, the deadline and the resolution.</summary>
    public ContentResult Status(ReportStatusView view)
    {
        var html = new StringBuilder()
            .Append("<h1>Your report</h1>")
            .Append("<p>Case reference: <strong>").Append(Encode(view.CaseId)).Append("</strong></p>")
            .Append("<p>Status: <strong id=\"status\">").Append(Encode(StatusWords(view.Status))).Append("</strong></p>");
        if (view.DueBy is { } dueBy && view.Resolution is null)
        {
            html.Append("<p>We aim to resolve it by <time datetime=\"").Append(dueBy.ToString("O")).Append("\">")
                .Append(dueBy.ToString("yyyy-MM-dd HH:mm")).Append(" UTC</time>.</p>");
        }

        if (view.Resolution is { } resolution)
        {
            html.Append("<div class=\"notice\"><h2>Outcome</h2><p id=\"resolution\">").Append(Encode(resolution)).Append("</p></div>");
        }

        html.Append("<h2>What has happened so far</h2><ol class=\"timeline\">");
        foreach (var entry in view.Timeline)
        {
            html.Append("<li><time datetime=\"").Append(entry.At.ToString("O")).Append("\">").Append(entry.At.ToString("yyyy-MM-dd HH:mm")).Append(" UTC</time>: ")
                .Append(Encode(entry.Text)).Append("</li>");
        }

        html.Append("</ol>");
        AppendGuidance(html, view.Category);
        return Page("Your report", html.ToString());
    }

    private string Deadline(string? category)
    {
        var within = (category is null ? null : _policy.FindCategory(category))?.ResolveWithin ?? TimeSpan.FromHours(48);
        return within.TotalHours >= 1 ? $"{within.TotalHours:0} hours" : $"{within.TotalMinutes:0} minutes";
    }

    private static string StatusWords(Domain.Cases.CaseStatus status) => status switch
    {
        Domain.Cases.CaseStatus.Received => "Received",
        Domain.Cases.CaseStatus.InReview => "Being reviewed by our safety team",
        Domain.Cases.CaseStatus.Escalated => "Raised to a senior member of our safety team",
        _ => "Resolved",
    };

    private void AppendGuidance(StringBuilder html, string? categoryId)
    {
        var category = categoryId is null ? null : _policy.FindCategory(categoryId);
        if (category is not null && category.Victim.DoNow.Count > 0)
        {
            html.Append("<h2>What you can do now</h2><ul>");
            foreach (var step in category.Victim.DoNow)
            {
                html.Append("<li>").Append(Encode(step)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("<h2>Get it removed elsewhere</h2><ul>");
        foreach (var service in category?.Victim.RemoveElsewhere.Count > 0 ? category.Victim.RemoveElsewhere : _policy.RemovalServices)
        {
            AppendResource(html, service);
        }

        html.Append("</ul><h2>Where to find help</h2><ul>");
        foreach (var help in _policy.Help)
        {
            AppendResource(html, help);
        }

        html.Append("</ul><p><a href=\"/api/policy\">Our safety policy</a></p>");
    }

    private static void AppendResource(StringBuilder html, SupportResource resource)
    {
        html.Append("<li><a href=\"").Append(Encode(resource.Url.AbsoluteUri)).Append("\" rel=\"noopener noreferrer\">").Append(Encode(resource.Name)).Append("</a>: ")
            .Append(Encode(resource.Description));
        if (resource.Phone is { } phone)
        {
            html.Append(" Phone: ").Append(Encode(phone)).Append('.');
        }

        html.Append("</li>");
    }

    private static void AppendErrors(StringBuilder html, ValidationErrors? errors, string? problem)
    {
        if (errors is null && problem is null)
        {
            return;
        }

        // role=alert makes screen readers announce the problems as soon as the page loads.
        html.Append("<div class=\"errors\" role=\"alert\" tabindex=\"-1\" id=\"errors\"><h2>Please check your report</h2><ul>");
        if (problem is not null)
        {
            html.Append("<li>").Append(Encode(problem)).Append("</li>");
        }

        foreach (var (field, messages) in errors ?? [])
        {
            foreach (var message in messages)
            {
                html.Append("<li><a href=\"#").Append(Encode(FieldId(field))).Append("\">").Append(Encode(message)).Append("</a></li>");
            }
        }

        html.Append("</ul></div>");
    }

    private static void AppendFieldError(StringBuilder html, ValidationErrors? errors, string field)
    {
        if (errors is not null && errors.TryGetValue(field, out var messages))
        {
            html.Append("<span class=\"field-error\" id=\"").Append(Encode(FieldId(field))).Append("-error\">").Append(Encode(string.Join(" ", messages))).Append("</span>");
        }
    }

    private static void AppendInput(StringBuilder html, ValidationErrors? errors, string field, string label, string hint, string type, string? value, string? name = null)
    {
        var id = FieldId(field);
        var invalid = errors?.ContainsKey(field) == true;
        html.Append("<label for=\"").Append(id).Append("\">").Append(Encode(label)).Append(" <span class=\"hint\">").Append(Encode(hint)).Append("</span></label>");
        AppendFieldError(html, errors, field);
        html.Append("<input type=\"").Append(type).Append("\" id=\"").Append(id).Append("\" name=\"").Append(name ?? field).Append("\" value=\"").Append(Encode(value)).Append('"')
            .Append(invalid ? $" aria-invalid=\"true\" aria-describedby=\"{id}-error\"" : "").Append(" maxlength=\"").Append(ReportLimits.MaxFieldLength).Append("\">");
    }

    private static void AppendYesNo(StringBuilder html, string name, string legend, bool? value)
    {
        html.Append("<fieldset><legend>").Append(Encode(legend)).Append("</legend>")
            .Append("<label class=\"choice\"><input type=\"radio\" name=\"").Append(name).Append("\" value=\"yes\"").Append(value == true ? " checked" : "").Append(">Yes</label>")
            .Append("<label class=\"choice\"><input type=\"radio\" name=\"").Append(name).Append("\" value=\"no\"").Append(value == false ? " checked" : "").Append(">No or not sure</label>")
            .Append("</fieldset>");
    }

    private static string FieldId(string field) => field.Replace('.', '-');
}
