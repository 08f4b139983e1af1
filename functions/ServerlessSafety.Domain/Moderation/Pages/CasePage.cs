using System.Globalization;
using System.Text;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Policy;
using static System.Net.WebUtility;

namespace ServerlessSafety.Domain.Moderation.Pages;

/// <summary>
/// The case page: the report, triage reasons, matches, media (blurred and grey until revealed one at a time, never
/// autoplaying), the account's history, the timeline and the decision form.
/// </summary>
public static class CasePage
{
    /// <summary>Renders a case.</summary>
    /// <param name="view">The case as the workspace read it.</param>
    /// <param name="moderatorName">The moderator looking.</param>
    /// <param name="links">The workspace's URLs.</param>
    /// <param name="problems">Why a posted decision was refused, to show above the form.</param>
    public static string Render(CaseView view, string moderatorName, ModerationLinks links, IReadOnlyList<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var c = view.Case;
        var html = ModerationLayout.Begin($"Case {c.Id}", moderatorName, links);
        html.Append("<h1>Case <code>").Append(HtmlEncode(c.Id)).Append("</code>: ").Append(HtmlEncode(view.Category.Name)).Append("</h1>\n");
        ModerationLayout.AppendToday(html, view.Today);
        ModerationLayout.AppendProblems(html, problems ?? []);
        html.Append("<dl>\n");
        Term(html, "Status", c.Status.ToString());
        Term(html, "Priority", c.Triage?.Priority.ToString(CultureInfo.InvariantCulture) ?? "not triaged");
        html.Append("<dt>Deadline</dt><dd><time datetime=\"").Append(c.DueBy.ToString("O", CultureInfo.InvariantCulture)).Append("\">")
            .Append(HtmlEncode(c.DueBy.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))).Append("</time>, ").Append(ModerationLayout.TimeLeft(c.DueBy - view.Now)).Append("</dd>\n");
        Term(html, "Origin", c.Origin == CaseOrigin.Report ? "reported by a person" : "upload matched a hash bank");
        Term(html, "Minor involved", c.InvolvesMinor ? "yes, or may be" : "no");
        Term(html, "Reporter is the person shown", c.ReporterIsDepicted ? "yes" : "no");
        html.Append("</dl>\n");

        AppendReport(html, c);
        AppendTriage(html, c);
        AppendMatches(html, c, links);
        AppendMedia(html, view, links);
        AppendHistory(html, view);
        AppendTimeline(html, c);
        AppendAudit(html, view);
        AppendDecision(html, view, links);
        return ModerationLayout.End(html);
    }

    private static void AppendReport(StringBuilder html, SafetyCase c)
    {
        html.Append("<section aria-labelledby=\"report\"><h2 id=\"report\">The report</h2>\n<dl>\n");
        Term(html, "Content link", c.Subject.ContentUrl);
        Term(html, "Upload", c.Subject.UploadId);
        Term(html, "Account", c.Subject.Account);
        Term(html, "Message", c.Subject.Message);
        Term(html, "In the reporter's words", c.Justification);
        html.Append("</dl>\n</section>\n");
    }

    private static void AppendTriage(StringBuilder html, SafetyCase c)
    {
        html.Append("<section aria-labelledby=\"triage\"><h2 id=\"triage\">Why this priority</h2>\n");
        if (c.Triage is null)
        {
            html.Append("<p>Not triaged yet.</p>\n</section>\n");
            return;
        }

        html.Append("<ul>\n");
        foreach (var reason in c.Triage.Reasons)
        {
            html.Append("<li>").Append(HtmlEncode(reason)).Append("</li>\n");
        }

        html.Append("</ul>\n");
        if (c.Triage.Route == TriageRoute.NcmecEscalation)
        {
            html.Append("<p>A verified-bank match: the case went to the NCMEC report without waiting for review. Decide the account action here.</p>\n");
        }

        html.Append("</section>\n");
    }

    // The case a matched hash came from is the similar case: linked hash-only, so following it shows no media.
    private static void AppendMatches(StringBuilder html, SafetyCase c, ModerationLinks links)
    {
        html.Append("<section aria-labelledby=\"matches\"><h2 id=\"matches\">Hash-bank matches</h2>\n");
        if (c.Matches.Count == 0)
        {
            html.Append("<p>None.</p>\n</section>\n");
            return;
        }

        html.Append("<table><thead><tr><th scope=\"col\">Bank</th><th scope=\"col\">Verified</th><th scope=\"col\">Signal</th><th scope=\"col\">Distance</th><th scope=\"col\">Upload</th><th scope=\"col\">Hash</th><th scope=\"col\">From case</th></tr></thead><tbody>\n");
        foreach (var m in c.Matches)
        {
            html.Append("<tr><td>").Append(HtmlEncode(m.Bank)).Append("</td><td>").Append(m.BankIsVerified ? "yes" : "no").Append("</td><td>")
                .Append(HtmlEncode(m.SignalType)).Append("</td><td>").Append(m.Distance.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(HtmlEncode(m.UploadId)).Append("</td><td><code>").Append(HtmlEncode(m.MatchedValue)).Append("</code></td><td>")
                .Append(m.SourceCaseId is { } source ? $"<a href=\"{HtmlEncode(links.Case(source, hashOnly: true))}\">{HtmlEncode(source)}</a>" : string.Empty).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n</section>\n");
    }

    private static void AppendMedia(StringBuilder html, CaseView view, ModerationLinks links)
    {
        var c = view.Case;
        html.Append("<section aria-labelledby=\"media\"><h2 id=\"media\">Files</h2>\n");
        if (c.Files.Count == 0)
        {
            html.Append("<p>No files held for this case.</p>\n</section>\n");
            return;
        }

        html.Append(view.HashOnly
            ? $"<p>Hash-only view: no media is shown. <a href=\"{HtmlEncode(links.Case(c.Id))}\">Show blurred previews</a>.</p>\n"
            : $"<p>Images are blurred and grey until you reveal one. <a href=\"{HtmlEncode(links.Case(c.Id, hashOnly: true))}\">Hash-only view</a>.</p>\n");
        foreach (var file in c.Files)
        {
            var revealed = file.Sha256 == view.RevealedFile;
            html.Append("<figure>\n");
            if (!view.HashOnly)
            {
                AppendMedium(html, file, revealed, links.File(c.Id, file.Sha256));
            }

            html.Append("<figcaption>").Append(HtmlEncode(file.ContentType)).Append(", ").Append(file.Length.ToString(CultureInfo.InvariantCulture))
                .Append(" bytes, SHA-256 <code>").Append(HtmlEncode(file.Sha256)).Append("</code>, MD5 <code>").Append(HtmlEncode(file.Md5)).Append("</code>")
                .Append(file.ViewedByPerson ? ", viewed by a person" : string.Empty).Append("</figcaption>\n");
            if (!view.HashOnly && !revealed && IsVisual(file.ContentType))
            {
                html.Append("<form method=\"post\" action=\"").Append(HtmlEncode(links.Reveal(c.Id, file.Sha256)))
                    .Append("\"><button type=\"submit\">Reveal this file</button> (recorded in the audit log)</form>\n");
            }

            html.Append("</figure>\n");
        }

        html.Append("</section>\n");
    }

    private static void AppendMedium(StringBuilder html, CaseFile file, bool revealed, string source)
    {
        var css = revealed ? "revealed" : "shielded";
        if (file.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            html.Append("<img class=\"").Append(css).Append("\" src=\"").Append(HtmlEncode(source)).Append("\" alt=\"")
                .Append(revealed ? "Revealed case image" : "Blurred case image").Append("\" loading=\"lazy\">\n");
        }
        else if (file.ContentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) && revealed)
        {
            html.Append("<video class=\"revealed\" controls preload=\"none\" muted src=\"").Append(HtmlEncode(source)).Append("\"></video>\n");
        }
        else if (file.ContentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) && revealed)
        {
            html.Append("<audio controls preload=\"none\" src=\"").Append(HtmlEncode(source)).Append("\"></audio>\n");
        }
    }

    private static void AppendHistory(StringBuilder html, CaseView view)
    {
        html.Append("<section aria-labelledby=\"history\"><h2 id=\"history\">The account's history</h2>\n");
        var offender = view.Offender;
        if (offender is null)
        {
            html.Append(view.Case.Subject.Account is null ? "<p>No account is named.</p>\n" : "<p>No earlier decisions about this account.</p>\n");
        }
        else
        {
            html.Append("<p>").Append(offender.CaseIds.Count.ToString(CultureInfo.InvariantCulture)).Append(" decided cases, ")
                .Append(offender.StandingStrikes.ToString(CultureInfo.InvariantCulture)).Append(" standing strikes.</p>\n");
            if (offender.Strikes.Count > 0)
            {
                html.Append("<table><thead><tr><th scope=\"col\">Case</th><th scope=\"col\">Category</th><th scope=\"col\">Consequence</th><th scope=\"col\">Applied</th><th scope=\"col\">Appeal</th></tr></thead><tbody>\n");
                foreach (var strike in offender.Strikes)
                {
                    var appeal = offender.Appeals.FirstOrDefault(a => a.CaseId == strike.CaseId);
                    html.Append("<tr><td>").Append(HtmlEncode(strike.CaseId)).Append("</td><td>").Append(HtmlEncode(strike.Category)).Append("</td><td>")
                        .Append(HtmlEncode(new ConsequenceStep(strike.Action, strike.Duration).Describe())).Append(strike.Overturned ? " (overturned)" : string.Empty)
                        .Append("</td><td>").Append(HtmlEncode(strike.AppliedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).Append("</td><td>")
                        .Append(HtmlEncode(appeal?.Outcome.ToString() ?? "none")).Append("</td></tr>\n");
                }

                html.Append("</tbody></table>\n");
            }
        }

        html.Append("</section>\n");
    }

    private static void AppendTimeline(StringBuilder html, SafetyCase c)
    {
        html.Append("<section aria-labelledby=\"timeline\"><h2 id=\"timeline\">Timeline</h2>\n<table><thead><tr><th scope=\"col\">When (UTC)</th><th scope=\"col\">What</th><th scope=\"col\">Who</th><th scope=\"col\">Detail</th></tr></thead><tbody>\n");
        foreach (var entry in c.Timeline)
        {
            html.Append("<tr><td>");
            ModerationLayout.AppendTime(html, entry.At);
            html.Append("</td><td>")
                .Append(HtmlEncode(entry.Kind)).Append("</td><td>").Append(HtmlEncode(entry.Actor)).Append("</td><td>")
                .Append(HtmlEncode(entry.Detail ?? entry.Notice ?? string.Empty)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n</section>\n");
    }

    private static void AppendAudit(StringBuilder html, CaseView view)
    {
        html.Append("<section aria-labelledby=\"audit\"><h2 id=\"audit\">Audit log</h2>\n<p>Every view, reveal, claim and decision, newest first. Nobody can change it.</p>\n");
        AuditTable.Append(html, view.Audit, withCase: false);
        html.Append("</section>\n");
    }

    private static void AppendDecision(StringBuilder html, CaseView view, ModerationLinks links)
    {
        var c = view.Case;
        html.Append("<section aria-labelledby=\"decision\"><h2 id=\"decision\">Decision</h2>\n");
        if (c.Resolution is { } resolution)
        {
            html.Append("<p>Resolved as <strong>").Append(HtmlEncode(resolution.Outcome.ToString())).Append("</strong> by ").Append(HtmlEncode(resolution.ResolvedBy))
                .Append(" at ").Append(HtmlEncode(resolution.ResolvedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))).Append(".</p>\n</section>\n");
            return;
        }

        var standing = view.Offender?.StandingStrikes ?? 0;
        var required = view.Category.RequiresNcmecReport(c.InvolvesMinor);
        html.Append("<form method=\"post\" action=\"").Append(HtmlEncode(links.Decision(c.Id))).Append("\">\n<fieldset><legend>Outcome</legend>\n");
        foreach (var outcome in Enum.GetValues<ResolutionOutcome>())
        {
            var id = "outcome-" + outcome;
            html.Append("<div><input type=\"radio\" required name=\"outcome\" id=\"").Append(id).Append("\" value=\"").Append(outcome).Append("\"> <label for=\"").Append(id).Append("\">")
                .Append(HtmlEncode(OutcomeLabel(outcome))).Append("</label></div>\n");
        }

        html.Append("</fieldset>\n");
        if (c.Subject.Account is not null)
        {
            html.Append("<div><input type=\"checkbox\" name=\"applyConsequence\" id=\"applyConsequence\" value=\"true\"> <label for=\"applyConsequence\">Apply the next consequence to the account: ")
                .Append(HtmlEncode(view.Category.StepAfter(standing).Describe())).Append("</label></div>\n");
        }

        html.Append(required
            ? "<p>This case will be reported to NCMEC's CyberTipline, as the policy requires, unless you find no violation.</p>\n"
            : "<div><input type=\"checkbox\" name=\"reportToNcmec\" id=\"reportToNcmec\" value=\"true\"> <label for=\"reportToNcmec\">Report to NCMEC's CyberTipline</label></div>\n");
        html.Append("<div><label for=\"note\">Reason (required; the reporter does not see it)</label><br><textarea id=\"note\" name=\"note\" required maxlength=\"")
            .Append(ModerationDecision.MaxNoteLength.ToString(CultureInfo.InvariantCulture)).Append("\" rows=\"4\" cols=\"60\"></textarea></div>\n")
            .Append("<button type=\"submit\">Record the decision</button>\n</form>\n</section>\n");
    }

    private static string OutcomeLabel(ResolutionOutcome outcome) => outcome switch
    {
        ResolutionOutcome.ContentRemoved => "Content removed",
        ResolutionOutcome.AccountActioned => "Account action only",
        ResolutionOutcome.NoViolation => "No violation found",
        _ => "Content no longer there",
    };

    private static bool IsVisual(string contentType)
        => contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase);

    private static void Term(StringBuilder html, string term, string? value)
    {
        if (value is not null)
        {
            html.Append("<dt>").Append(HtmlEncode(term)).Append("</dt><dd>").Append(HtmlEncode(value)).Append("</dd>\n");
        }
    }
}
