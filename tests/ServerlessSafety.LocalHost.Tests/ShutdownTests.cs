using System.Net;
using Xunit.Abstractions;

namespace ServerlessSafety.LocalHost.Tests;

public sealed class ShutdownTests : IClassFixture<LocalServicesFixture>
{
    private readonly TestAppHost _app;

    public ShutdownTests(LocalServicesFixture services, ITestOutputHelper output)
    {
        _app = new TestAppHost(services, output);
    }

    [Fact]
    public async Task Stop_WhileARequestRuns_LetsItFinish_ThenRefusesNewOnes()
    {
        var host = await _app.StartAsync();
        await using var disposing = host;
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var pending = http.GetAsync("/api/slow");
        await Eventually.HoldsAsync(() => _app.Recorder.Count("Slow", "started"), n => n == 1, TimeSpan.FromSeconds(10), "the slow request to start");

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await host.StopAsync(grace.Token);
        using var response = await pending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("finished", await response.Content.ReadAsStringAsync());
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/api/slow"));
        Assert.Contains(_app.Logs, l => l == "Information Host.LocalFunctionHost: Local host stopped");
    }
}
