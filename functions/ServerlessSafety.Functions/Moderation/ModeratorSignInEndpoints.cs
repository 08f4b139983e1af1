using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessSafety.Domain.Moderation.Access;
using ServerlessSafety.Domain.Moderation.Pages;
using ServerlessSafety.Functions.Http;

namespace ServerlessSafety.Functions.Moderation;

/// <summary>
/// <c>/api/moderation/signin</c> and <c>/api/moderation/signout</c>. The sign-in form and its signed cookie exist only
/// when Moderation:SignIn is Development (404 otherwise); in Azure, App Service authentication signs moderators in
/// and signing out goes to its <c>/.auth/logout</c>.
/// </summary>
public sealed class ModeratorSignInEndpoints
{
    private const int MaxFormBytes = 4 * 1024;
    private static readonly ModerationLinks Links = ModerationLinks.Default;

    private readonly ModeratorGate _gate;
    private readonly DevelopmentSession _sessions;

    /// <summary>Creates the functions.</summary>
    public ModeratorSignInEndpoints(ModeratorGate gate, DevelopmentSession sessions)
    {
        _gate = gate;
        _sessions = sessions;
    }

    /// <summary>The development sign-in form.</summary>
    [Function("ModeratorSignInPage")]
    public IActionResult Form([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "moderation/signin")] HttpRequest request)
    {
        if (_gate.SignIn != ModeratorSignIn.Development)
        {
            return NoSignInPage();
        }

        ModeratorRequest.ProtectResponse(request);
        return ModeratorRequest.Page(SignInPage.Render(Links, SafeReturn(request.Query["returnTo"].ToString())));
    }

    /// <summary>Signs in with the chosen name and role and goes back where the moderator was heading.</summary>
    [Function("ModeratorSignIn")]
    public async Task<IActionResult> SignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "moderation/signin")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (_gate.SignIn != ModeratorSignIn.Development)
        {
            return NoSignInPage();
        }

        ModeratorRequest.ProtectResponse(request);
        if (ModeratorRequest.IsCrossSite(request) || !request.HasFormContentType || request.ContentLength is null or > MaxFormBytes)
        {
            return ProblemResults.Problem(StatusCodes.Status400BadRequest, "Sign in from the sign-in page.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var id = form["moderatorId"].ToString().Trim();
        var returnTo = SafeReturn(form["returnTo"].ToString());
        string[]? roles = form["role"].ToString() switch
        {
            "moderator" => [Moderator.ModeratorRole],
            "admin" => [Moderator.ModeratorRole, Moderator.AdminRole],
            "none" => [],
            _ => null,
        };
        if (!Moderator.IsValidId(id) || roles is null)
        {
            return ModeratorRequest.Page(SignInPage.Render(Links, returnTo, "Use 1-128 letters, digits and @ . _ - for your name, and choose a role."), StatusCodes.Status400BadRequest);
        }

        request.HttpContext.Response.Cookies.Append(DevelopmentSession.CookieName, _sessions.Issue(new Moderator(id, id, roles.ToHashSet())), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = request.IsHttps,
            Path = Links.BasePath,
            MaxAge = DevelopmentSession.Lifetime,
        });
        return new RedirectResult(returnTo, permanent: false);
    }

    /// <summary>Ends the sign-in.</summary>
    [Function("ModeratorSignOut")]
    public IActionResult SignOut([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "moderation/signout")] HttpRequest request)
    {
        ModeratorRequest.ProtectResponse(request);
        if (_gate.SignIn == ModeratorSignIn.AppService)
        {
            return new RedirectResult("/.auth/logout", permanent: false);
        }

        request.HttpContext.Response.Cookies.Delete(DevelopmentSession.CookieName, new CookieOptions { Path = Links.BasePath });
        return new RedirectResult(Links.SignIn(), permanent: false);
    }

    // Only a workspace path: anything else (another site, a scheme-relative //host) would make this an open redirect.
    private static string SafeReturn(string returnTo)
        => returnTo.StartsWith(Links.BasePath + "/", StringComparison.Ordinal) && !returnTo.StartsWith(Links.SignIn(), StringComparison.Ordinal) && returnTo.Length <= 1024 && !returnTo.Contains('\\')
            ? returnTo
            : Links.Queue();

    private static IActionResult NoSignInPage()
        => ProblemResults.Problem(StatusCodes.Status404NotFound, "There is no sign-in page here.", "Moderators sign in with Microsoft Entra ID.");
}
