using Microsoft.Playwright;

namespace ServerlessSafety.EndToEnd.Tests.Reports;

/// <summary>The report and status pages in a real headless Chromium, as a person uses them.</summary>
[Collection(PipelineCollection.Name)]
public sealed class ReportPageTests : IClassFixture<HeadlessChromium>
{
    private const string Script = "<script>window.__pwned = true</script><img src=x onerror=\"window.__pwned=true\">";
    private readonly PipelineFixture _pipeline;
    private readonly IBrowser _browser;

    public ReportPageTests(PipelineFixture pipeline, HeadlessChromium chromium)
    {
        _pipeline = pipeline;
        _browser = chromium.Browser;
    }

    [SkippableFact]
    public async Task Report_FiledFromThePage_WithTheKeyboardOnly_ThenFollowedOnTheStatusPage()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(_pipeline.BaseAddress, "api/report").ToString());

        // Every field is reachable by its label, so screen readers and keyboard users can fill it.
        await page.GetByLabel("Sextortion").CheckAsync();
        await page.GetByLabel("The account that did this").FillAsync("@page-offender");
        await page.GetByLabel("What happened?").FillAsync("He threatens me. " + Script);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForSelectorAsync("#case-id");
        var caseId = (await page.Locator("#case-id").InnerTextAsync()).Trim();
        var token = (await page.Locator("#status-token").InnerTextAsync()).Trim();
        Assert.Matches("^SS-[A-Z0-9]{20}$", caseId);
        Assert.DoesNotContain(token, page.Url, StringComparison.Ordinal);

        await page.GotoAsync(new Uri(_pipeline.BaseAddress, "api/status").ToString());
        await page.GetByLabel("Case reference").FillAsync(caseId);
        await page.GetByLabel("Status code").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show status" }).ClickAsync();

        await page.WaitForSelectorAsync("#status");
        Assert.DoesNotContain(token, page.Url, StringComparison.Ordinal);
        Assert.Contains("We received your report", await page.Locator("main").InnerTextAsync());
    }

    [SkippableFact]
    public async Task MissingFields_AreAnnouncedAndLinkedToTheirFields_AndScriptIsShownAsText()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(_pipeline.BaseAddress, "api/report").ToString());
        await page.GetByLabel("What happened?").FillAsync(Script);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        Assert.Contains("Choose what kind of abuse this is", await alert.InnerTextAsync());
        Assert.Equal(Script, await page.GetByLabel("What happened?").InputValueAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.__pwned === true"));
    }

    [SkippableFact]
    public async Task StatusPage_WrongCode_SaysNotFound_WithoutTellingWhetherTheCaseExists()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(_pipeline.BaseAddress, "api/status").ToString());
        await page.GetByLabel("Case reference").FillAsync("SS-AAAAAAAAAAAAAAAAAAAA");
        await page.GetByLabel("Status code").FillAsync("wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show status" }).ClickAsync();

        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        Assert.Contains("could not find that report", await page.Locator("main").InnerTextAsync());
    }

    [SkippableFact]
    public async Task ReportPage_WorksWithoutJavaScript_AndOnAPhoneScreen()
    {
        Skip.If(_pipeline.Unavailable is not null, _pipeline.Unavailable);
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_pipeline.BaseAddress, "api/report").ToString());
        await page.GetByLabel("Non-consensual intimate imagery").CheckAsync();
        await page.GetByLabel("Link to the post, picture or video").FillAsync("https://platform.example/p/123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();

        await page.WaitForSelectorAsync("#case-id");
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"The page scrolls sideways on a phone: {width}px");
        await context.DisposeAsync();
    }

    private async Task<IPage> NewPageAsync() => await (await _browser.NewContextAsync()).NewPageAsync();
}
