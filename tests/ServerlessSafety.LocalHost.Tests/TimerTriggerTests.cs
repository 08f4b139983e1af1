using Xunit.Abstractions;

namespace ServerlessSafety.LocalHost.Tests;

public sealed class TimerTriggerTests : IClassFixture<LocalServicesFixture>
{
    private readonly TestAppHost _app;

    public TimerTriggerTests(LocalServicesFixture services, ITestOutputHelper output)
    {
        _app = new TestAppHost(services, output);
    }

    [Fact]
    public async Task Timer_FiresOnItsSchedule_AfterTheStartUpRun()
    {
        _app.Settings["TickSchedule"] = "*/1 * * * * *";
        await using var host = await _app.StartAsync();

        // One start-up run, then one per second: three runs prove the schedule, not only RunOnStartup.
        var runs = await Eventually.HoldsAsync(() => _app.Recorder.Count("Tick", "status"), n => n >= 3, TimeSpan.FromSeconds(20), "three timer runs");

        Assert.True(runs >= 3);
        Assert.Contains(host.FunctionSummaries, s => s == "Tick: timerTrigger */1 * * * * * (runs on startup)");
    }
}
