using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Moderation.Access;
using ServerlessSafety.Domain.Moderation.Pages;
using ServerlessSafety.Functions.Http;
using ServerlessSafety.Functions.Policy;

namespace ServerlessSafety.Functions.Moderation;

/// <summary>
/// The one door of every workspace endpoint: it finds the signed-in person (App Service authentication in Azure, the
/// development sign-in locally, nobody otherwise) and lets in only the moderator and admin roles. A person who is not
/// signed in gets 401 (a page is sent to sign in); one without the role gets 403. A victim's status token opens nothing
/// here: only the sign-in does.
/// </summary>
public sealed class ModeratorGate
{
    private readonly ModeratorAccessOptions _options;
    private readonly DevelopmentSession _sessions;

    /// <summary>Creates the gate.</summary>
    public ModeratorGate(IOptions<ModeratorAccessOptions> options, DevelopmentSession sessions)
    {
        _options = options.Value;
        _sessions = sessions;
    }

    /// <summary>How moderators sign in here.</summary>
    public ModeratorSignIn SignIn => _options.SignIn;

    /// <summary>
    /// Sets the workspace's response headers and admits the request, or answers null with the refusal to send.
    /// </summary>
    public ModeratorRequest? Admit(HttpRequest request, out IActionResult? refusal, bool adminOnly = false)
    {
        ModeratorRequest.ProtectResponse(request);

        var wantsJson = ContentNegotiation.WantsJson(request);
        var moderator = SignedIn(request);
        if (moderator is null)
        {
            var signIn = wantsJson || !HttpMethods.IsGet(request.Method) ? null : SignInPath(request);
            refusal = signIn is not null
                ? new RedirectResult(signIn, permanent: false)
                : ProblemResults.Problem(StatusCodes.Status401Unauthorized, "Sign in as a moderator.", _options.SignIn == ModeratorSignIn.None
                    ? "Moderator sign-in is not set up: set Moderation:SignIn to AppService (Azure) or Development (local)."
                    : "The workspace needs a signed-in moderator.");
            return null;
        }

        if (!moderator.CanModerate || (adminOnly && !moderator.IsAdmin))
        {
            refusal = ProblemResults.Problem(StatusCodes.Status403Forbidden, adminOnly ? "Admins only." : "The moderator role is required.", $"Signed in as {moderator.Name}, without that role.");
            return null;
        }

        refusal = null;
        return new ModeratorRequest(moderator, wantsJson);
    }

    private Moderator? SignedIn(HttpRequest request) => _options.SignIn switch
    {
        ModeratorSignIn.AppService => ClientPrincipal.Read(request.Headers[ClientPrincipal.Header].ToString()),
        ModeratorSignIn.Development => _sessions.Read(request.Cookies[DevelopmentSession.CookieName]),
        _ => null,
    };

    private string? SignInPath(HttpRequest request)
    {
        var back = Uri.EscapeDataString(request.Path + request.QueryString);
        return _options.SignIn switch
        {
            ModeratorSignIn.AppService => "/.auth/login/aad?post_login_redirect_uri=" + back,
            ModeratorSignIn.Development => ModerationLinks.Default.SignIn() + "?returnTo=" + back,
            _ => null,
        };
    }
}
