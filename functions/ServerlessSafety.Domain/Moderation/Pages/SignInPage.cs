using static System.Net.WebUtility;

namespace ServerlessSafety.Domain.Moderation.Pages;

/// <summary>The local development sign-in: choose a name and a role. Served only when a local setting turns it on.</summary>
public static class SignInPage
{
    /// <summary>Renders the form; <paramref name="returnTo"/> is where to go after signing in.</summary>
    public static string Render(ModerationLinks links, string returnTo, string? problem = null)
    {
        ArgumentNullException.ThrowIfNull(links);
        var html = ModerationLayout.Begin("Sign in", null, links);
        html.Append("<h1>Development sign-in</h1>\n<p>This page exists only on a local run (Moderation:SignIn is Development). In Azure, moderators sign in with Microsoft Entra ID.</p>\n");
        if (problem is not null)
        {
            html.Append("<div class=\"problems\" role=\"alert\"><p>").Append(HtmlEncode(problem)).Append("</p></div>\n");
        }

        html.Append("<form method=\"post\" action=\"").Append(HtmlEncode(links.SignIn())).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"returnTo\" value=\"").Append(HtmlEncode(returnTo)).Append("\">\n")
            .Append("<div><label for=\"moderatorId\">Your name</label><br><input id=\"moderatorId\" name=\"moderatorId\" required maxlength=\"128\" pattern=\"[A-Za-z0-9@._\\-]+\" autocomplete=\"username\"></div>\n")
            .Append("<div><label for=\"role\">Role</label><br><select id=\"role\" name=\"role\"><option value=\"moderator\">Moderator</option><option value=\"admin\">Admin</option><option value=\"none\">No role (to see the refusal)</option></select></div>\n")
            .Append("<button type=\"submit\">Sign in</button>\n</form>\n");
        return ModerationLayout.End(html);
    }
}
