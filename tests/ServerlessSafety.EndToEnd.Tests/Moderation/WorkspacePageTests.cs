using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ServerlessSafety.EndToEnd.Tests.Moderation;

/// <summary>
/// The moderators' workspace in a real headless Chromium, from a victim's report with a picture to the decision the
/// victim then sees. Screenshots of each step go to artifacts/screenshots/.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class WorkspacePageTests : IClassFixture<HeadlessChromium>
{
    private readonly PipelineFixture _pipeline;
    private readonly string _screenshots = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");
    private readonly IBrowser _browser;

    public WorkspacePageTests(PipelineFixture pipeline, HeadlessChromium chromium)
    {
        _pipeline = pipeline;
        _browser = chromium.Browser;
    }

    [SkippableFact]
    public async Task Moderator_SignsIn_TakesTheCase_RevealsTheBlurredImage_Decides_AndTheVictimSeesTheOutcome()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        var account = $"@ws-{Guid.NewGuid():N}"[..20];
        var name = $"moderator-{Guid.NewGuid():N}"[..20];
        var (caseId, token) = await FileReportWithPictureAsync(account);

        var moderator = await (await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } })).NewPageAsync();
        await moderator.GotoAsync(Url($"api/moderation/queue?account={Uri.EscapeDataString(account)}"));
        Assert.Contains("/api/moderation/signin", moderator.Url, StringComparison.Ordinal);
        await Shot(moderator, "1-sign-in");
        await moderator.GetByLabel("Your name").FillAsync(name);
        await moderator.GetByLabel("Role").SelectOptionAsync("moderator");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Back on the queue, still filtered to the account: the case shows once the intake has opened it.
        await Eventually(moderator, async () => (await moderator.Locator("table tbody").TextContentAsync() ?? string.Empty).Contains(caseId, StringComparison.Ordinal), "the case in the queue");
        Assert.Contains($"Signed in as {name}", await moderator.Locator("header").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(moderator, "2-queue");

        await moderator.GetByRole(AriaRole.Button, new() { Name = "Take the next case" }).ClickAsync();
        await moderator.WaitForURLAsync($"**/api/moderation/cases/{caseId}");
        var image = moderator.GetByAltText("Blurred case image");
        await image.WaitForAsync();
        Assert.Contains("blur", await image.EvaluateAsync<string>("img => getComputedStyle(img).filter"), StringComparison.Ordinal);
        Assert.Contains("grayscale", await image.EvaluateAsync<string>("img => getComputedStyle(img).filter"), StringComparison.Ordinal);
        await Shot(moderator, "3-case-blurred");

        await moderator.GetByRole(AriaRole.Button, new() { Name = "Reveal this file" }).ClickAsync();
        var revealed = moderator.GetByAltText("Revealed case image");
        await revealed.WaitForAsync();
        Assert.Equal("none", await revealed.EvaluateAsync<string>("img => getComputedStyle(img).filter"));
        Assert.True(await revealed.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 64"), "The revealed image did not load from the app.");
        Assert.Contains("1 opened, 1 of 25 files revealed, 0 decided", await moderator.Locator("#today").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(moderator, "4-case-revealed");

        await moderator.GetByLabel("Content removed").CheckAsync();
        await moderator.GetByLabel("Reason (required; the reporter does not see it)").FillAsync("Threatening messages, against the harassment policy.");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await moderator.WaitForURLAsync($"**/api/moderation/cases/{caseId}");

        // Leaving and coming back blurs the image again; the audit log shows the view, the reveal and the decision.
        Assert.Equal(1, await moderator.GetByAltText("Blurred case image").CountAsync());
        var audit = await moderator.Locator("table.audit").InnerTextAsync();
        Assert.Contains("moderator-decided", audit, StringComparison.Ordinal);
        Assert.Contains("Threatening messages, against the harassment policy.", audit, StringComparison.Ordinal);
        Assert.Contains("moderator-revealed", audit, StringComparison.Ordinal);
        Assert.Contains("moderator-claimed", audit, StringComparison.Ordinal);
        await moderator.Locator("#audit").ScrollIntoViewIfNeededAsync();
        await Shot(moderator, "5-decided-audit");

        var victim = await (await _browser.NewContextAsync()).NewPageAsync();
        await victim.GotoAsync(Url("api/status"));
        await victim.GetByLabel("Case reference").FillAsync(caseId);
        await victim.GetByLabel("Status code").FillAsync(token);
        await victim.GetByRole(AriaRole.Button, new() { Name = "Show status" }).ClickAsync();
        await victim.WaitForSelectorAsync("#status");
        Assert.Equal("Resolved", (await victim.Locator("#status").InnerTextAsync()).Trim());
        Assert.False(string.IsNullOrWhiteSpace(await victim.Locator("#resolution").InnerTextAsync()));
        Assert.DoesNotContain("Threatening messages, against the harassment policy.", await victim.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(victim, "6-victim-status");
    }

    [SkippableFact]
    public async Task HashOnlyMode_ShowsNoMediaAtAll()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        var (caseId, _) = await FileReportWithPictureAsync($"@hash-only-{Guid.NewGuid():N}"[..24]);
        var page = await (await _browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(Url("api/moderation/signin"));
        await page.GetByLabel("Your name").FillAsync("moderator-hash-only");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GotoAsync(Url($"api/moderation/cases/{caseId}?media=none"));

        Assert.Contains("Hash-only view", await page.Locator("#media").Locator("..").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("img, video, audio").CountAsync());
    }

    private async Task<(string CaseId, string Token)> FileReportWithPictureAsync(string account)
    {
        var picture = Path.Combine(Path.GetTempPath(), $"evidence-{Guid.NewGuid():N}.png");
        using (var image = new Image<Rgba32>(64, 64))
        {
            image.ProcessPixelRows(rows =>
            {
                for (var y = 0; y < rows.Height; y++)
                {
                    var row = rows.GetRowSpan(y);
                    for (var x = 0; x < row.Length; x++)
                    {
                        row[x] = new Rgba32((byte)(x * 4), (byte)(y * 4), (byte)((x ^ y) * 4));
                    }
                }
            });
            await image.SaveAsPngAsync(picture);
        }

        var page = await (await _browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(Url("api/report"));
        await page.GetByLabel("Harassment").CheckAsync();
        await page.GetByLabel("The account that did this").FillAsync(account);
        await page.GetByLabel("What happened?").FillAsync("He sends me threats with this picture.");
        await page.GetByLabel("A screenshot or the picture (optional)").SetInputFilesAsync(picture);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await page.WaitForSelectorAsync("#case-id");
        File.Delete(picture);
        return ((await page.Locator("#case-id").InnerTextAsync()).Trim(), (await page.Locator("#status-token").InnerTextAsync()).Trim());
    }

    private static async Task Eventually(IPage page, Func<Task<bool>> condition, string what)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(500);
            await page.ReloadAsync();
        }

        throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}; the page shows: {await page.Locator("main").InnerTextAsync()}");
    }

    private string Url(string path) => new Uri(_pipeline.BaseAddress, path).ToString();

    private Task Shot(IPage page, string name)
    {
        Directory.CreateDirectory(_screenshots);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, $"workspace-{name}.png"), FullPage = true });
    }
}
