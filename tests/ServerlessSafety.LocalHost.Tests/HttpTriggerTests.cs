using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace ServerlessSafety.LocalHost.Tests;

public sealed class HttpTriggerTests : IClassFixture<LocalServicesFixture>, IAsyncLifetime
{
    private readonly TestAppHost _app;
    private LocalFunctionHost _host = null!;
    private HttpClient _http = null!;

    public HttpTriggerTests(LocalServicesFixture services, ITestOutputHelper output)
    {
        _app = new TestAppHost(services, output);
    }

    public async Task InitializeAsync()
    {
        _host = await _app.StartAsync();
        _http = new HttpClient { BaseAddress = _host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task FunctionLevel_WithFunctionKeyHeader_BindsTypedRouteValuesAndContext()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/items/42/blue?q=find");
        request.Headers.Add("x-functions-key", _app.FunctionKey);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(42, body.GetProperty("id").GetInt32());
        Assert.Equal("blue", body.GetProperty("label").GetString());
        Assert.Equal("GetItem", body.GetProperty("function").GetString());
        Assert.Equal("find", body.GetProperty("query").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task FunctionLevel_WithoutTheKey_Answers401(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/items/1/x");
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task FunctionLevel_WithCodeQueryOrMasterKey_IsAllowed()
    {
        using var byCode = await _http.GetAsync($"/api/items/1/x?code={_app.FunctionKey}");
        using var byMaster = await _http.GetAsync($"/api/items/1/x?code={_app.MasterKey}");

        Assert.Equal(HttpStatusCode.OK, byCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byMaster.StatusCode);
    }

    [Fact]
    public async Task AdminLevel_TakesOnlyTheMasterKey()
    {
        using var withFunctionKey = await _http.PostAsync($"/api/admin/ping?code={_app.FunctionKey}", null);
        using var withMasterKey = await _http.PostAsync($"/api/admin/ping?code={_app.MasterKey}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, withFunctionKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withMasterKey.StatusCode);
        Assert.Equal("pong", await withMasterKey.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Route_ConstraintOrMethodMismatch_IsNotAFunction()
    {
        using var notAnInt = await _http.GetAsync($"/api/items/abc/x?code={_app.FunctionKey}");
        using var wrongMethod = await _http.GetAsync($"/api/admin/ping?code={_app.MasterKey}");

        Assert.Equal(HttpStatusCode.NotFound, notAnInt.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("application/problem+json", notAnInt.Content.Headers.ContentType?.MediaType);
        Assert.Equal(405, (await wrongMethod.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Invocation_IsLoggedUnderItsFunction_WithoutTheKeyAndWithoutSdkChatter()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/items/7/logged");
        request.Headers.Add("x-functions-key", _app.FunctionKey);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var logs = await Eventually.HoldsAsync(() => _app.Logs.ToArray(), l => l.Any(e => e.Contains("Executed 'Functions.GetItem' (Succeeded", StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "the invocation's log");
        Assert.Contains(logs, l => l.StartsWith("Information Function.GetItem: Executing 'Functions.GetItem'", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(_app.FunctionKey, StringComparison.Ordinal) || l.Contains(_app.MasterKey, StringComparison.Ordinal));
        // The blob trigger polls Azurite all along; at the host's defaults the Azure SDK logs only warnings.
        Assert.DoesNotContain(logs, l => l.StartsWith("Information Azure.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnhandledException_Answers500ProblemDetailsWithoutTheExceptionText()
    {
        using var response = await _http.GetAsync("/api/broken");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(500, JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.Equal(1, _app.Recorder.Count("Broken", "called"));
    }

    [Fact]
    public void Start_ListsEveryFunctionWithItsTrigger()
    {
        var summaries = _host.FunctionSummaries;

        Assert.Contains(summaries, s => s.StartsWith("GetItem: httpTrigger [GET] {base}/api/items/{id:int}/{label} (Function)", StringComparison.Ordinal));
        Assert.Contains(summaries, s => s.StartsWith("ProcessUpload: blobTrigger " + _app.Settings["UploadsContainer"], StringComparison.Ordinal));
        Assert.Contains(summaries, s => s.StartsWith("ConsumeWorkItem: serviceBusTrigger queue=work", StringComparison.Ordinal));
        Assert.Contains(summaries, s => s.StartsWith("DelayedOrchestration: orchestrationTrigger", StringComparison.Ordinal));
        Assert.Contains(summaries, s => s.StartsWith("RecordFired: activityTrigger", StringComparison.Ordinal));
        Assert.Contains(summaries, s => s.StartsWith("Tick: timerTrigger 0 0 0 1 1 * (runs on startup)", StringComparison.Ordinal));
        Assert.Equal(10, summaries.Count);
    }

    [Fact]
    public async Task TimerTrigger_RunOnStartup_RunsOnceAtStartWithItsScheduleStatus()
    {
        var runs = await Eventually.HoldsAsync(() => _app.Recorder.Count("Tick", "status"), n => n >= 1, TimeSpan.FromSeconds(20), "the timer's start-up run");

        Assert.Equal(1, runs);
    }
}
