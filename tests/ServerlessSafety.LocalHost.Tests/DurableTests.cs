using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ServerlessSafety.LocalHost.Tests;

public sealed class DurableTests : IClassFixture<LocalServicesFixture>
{
    private readonly TestAppHost _app;

    public DurableTests(LocalServicesFixture services, ITestOutputHelper output)
    {
        _app = new TestAppHost(services, output);
    }

    [Fact]
    public async Task DurableTimer_FiresAfterTheHostWasRestarted()
    {
        string instanceId;
        await using (var host = await _app.StartAsync())
        {
            using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            using var response = await http.PostAsync("/api/delayed/6", null);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            instanceId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString()!;

            var client = host.Services.GetRequiredService<DurableTaskClient>();
            using var started = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var running = await client.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs: true, started.Token);
            Assert.Equal(OrchestrationRuntimeStatus.Running, running.RuntimeStatus);
            Assert.Equal("hello", running.ReadInputAs<DelayedInput>()!.Message);
        }

        Assert.Equal(0, _app.Recorder.Count(nameof(DurableFunctions.RecordFired), "hello"));

        await using (var restarted = await _app.StartAsync())
        {
            var client = restarted.Services.GetRequiredService<DurableTaskClient>();
            using var completed = new CancellationTokenSource(TimeSpan.FromSeconds(45));
            var done = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, completed.Token);

            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal("hello after the timer", done.ReadOutputAs<string>());
        }

        Assert.Equal(1, _app.Recorder.Count(nameof(DurableFunctions.RecordFired), "hello"));
    }

    [Fact]
    public async Task Client_RaisesTerminatesAndPurges()
    {
        await using var host = await _app.StartAsync();
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));

        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.DelayedOrchestration), new DelayedInput(3600, "never"), timeout.Token);
        await client.WaitForInstanceStartAsync(id, timeout.Token);
        await client.TerminateInstanceAsync(id, "test over", timeout.Token);
        var terminated = await client.WaitForInstanceCompletionAsync(id, timeout.Token);
        var purged = await client.PurgeInstanceAsync(id, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, terminated.RuntimeStatus);
        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await client.GetInstanceAsync(id, timeout.Token));
        Assert.Throws<NotSupportedException>(() => client.GetAllInstancesAsync());
    }
}
