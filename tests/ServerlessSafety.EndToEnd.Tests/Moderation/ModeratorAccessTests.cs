using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace ServerlessSafety.EndToEnd.Tests.Moderation;

/// <summary>Who gets into the workspace, through the local host with the development sign-in.</summary>
[Collection(PipelineCollection.Name)]
public sealed class ModeratorAccessTests
{
    private const string Case = "SS-AAAAAAAAAAAAAAAAAAAA";
    private const string File = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly (string Method, string Path)[] Endpoints =
    [
        ("GET", "api/moderation/queue"),
        ("POST", "api/moderation/queue/next"),
        ("GET", $"api/moderation/cases/{Case}"),
        ("POST", $"api/moderation/cases/{Case}/decision"),
        ("POST", $"api/moderation/cases/{Case}/files/{File}/reveal"),
        ("GET", $"api/moderation/cases/{Case}/files/{File}"),
        ("GET", "api/moderation/audit"),
    ];

    private readonly PipelineFixture _pipeline;

    public ModeratorAccessTests(PipelineFixture pipeline)
    {
        _pipeline = pipeline;
    }

    [SkippableFact]
    public async Task EveryEndpoint_WithoutSignIn_Is401ProblemDetails()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        foreach (var (method, path) in Endpoints)
        {
            using var request = Json(method, path);
            using var response = await _pipeline.Http.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [SkippableFact]
    public async Task AQueuePage_WithoutSignIn_SendsTheBrowserToSignIn_AndBackAfterwards()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _pipeline.BaseAddress };
        using var response = await client.GetAsync("api/moderation/queue?category=sextortion");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/api/moderation/signin?returnTo=" + Uri.EscapeDataString("/api/moderation/queue?category=sextortion"), response.Headers.Location?.OriginalString);
    }

    [SkippableFact]
    public async Task EveryEndpoint_SignedInWithoutTheRole_Is403()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        using var client = await _pipeline.SignInAsync("no-role-e2e", "none");
        foreach (var (method, path) in Endpoints)
        {
            using var request = Json(method, path);
            using var response = await client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {(int)response.StatusCode}");
        }
    }

    [SkippableFact]
    public async Task TheAuditLog_IsForAdmins_NotForModerators()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        using var moderator = await _pipeline.SignInAsync("moderator-not-admin-e2e");
        using var admin = await _pipeline.SignInAsync("admin-e2e", "admin");

        using var refused = await moderator.GetAsync("api/moderation/audit");
        using var allowed = await admin.GetAsync("api/moderation/audit");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [SkippableFact]
    public async Task AForgedCookie_OrAnAppServicePrincipalSentByTheClient_OpensNothing()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        var cookie = await CookieOfAsync("forger-e2e", "none");
        var parts = cookie.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0])).Replace("[]", "[\"admin\",\"moderator\"]", StringComparison.Ordinal);
        var forged = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + "." + parts[1];
        var principal = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"auth_typ":"aad","claims":[{"typ":"oid","val":"intruder"},{"typ":"roles","val":"admin"}],"role_typ":"roles"}"""));

        using var withForgedCookie = Json("GET", "api/moderation/queue");
        withForgedCookie.Headers.Add("Cookie", $"ss-moderator={forged}");
        using var withPrincipal = Json("GET", "api/moderation/queue");
        withPrincipal.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _pipeline.Http.SendAsync(withForgedCookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _pipeline.Http.SendAsync(withPrincipal)).StatusCode);
    }

    [SkippableFact]
    public async Task AVictimsStatusToken_NeverOpensTheWorkspace_AndAModeratorsSignIn_NeverOpensAStatus()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        using var filed = await _pipeline.Http.PostAsJsonAsync("api/reports", new { category = "harassment", account = "@token-crossing", justification = "Threats." });
        var receipt = JsonNode.Parse(await filed.Content.ReadAsStringAsync())!;
        var caseId = (string)receipt["caseId"]!;
        var token = (string)receipt["statusToken"]!;

        using var withToken = Json("GET", $"api/moderation/cases/{caseId}");
        withToken.Headers.Add("X-Status-Token", token);
        withToken.Headers.Add("Authorization", $"Bearer {token}");
        withToken.Headers.Add("Cookie", $"ss-moderator={token}");
        using var moderator = await _pipeline.SignInAsync("status-crossing-e2e", "admin");
        using var status = await moderator.GetAsync($"api/reports/{caseId}/status");

        Assert.Equal(HttpStatusCode.Unauthorized, (await _pipeline.Http.SendAsync(withToken)).StatusCode);
        Assert.False(status.IsSuccessStatusCode, $"A moderator's sign-in opened a victim's status: {(int)status.StatusCode}");
        Assert.DoesNotContain("token-crossing", await status.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> CookieOfAsync(string moderatorId, string role)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = _pipeline.BaseAddress };
        using var response = await client.PostAsync("api/moderation/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["moderatorId"] = moderatorId, ["role"] = role }));
        var header = response.Headers.GetValues("Set-Cookie").Single(h => h.StartsWith("ss-moderator=", StringComparison.Ordinal));
        return header["ss-moderator=".Length..header.IndexOf(';', StringComparison.Ordinal)];
    }

    private static HttpRequestMessage Json(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Accept.ParseAdd("application/json");
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { outcome = "noViolation", note = "x", applyConsequence = false });
        }

        return request;
    }
}
