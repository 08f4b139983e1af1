using System.Diagnostics;
using Azure.Messaging.ServiceBus;

namespace ServerlessSafety.ServiceBusEmulator.Tests;

public sealed class DurabilityTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task After_a_restart_the_same_client_reconnects_and_finds_its_messages_and_locks_are_released()
    {
        await using var emulator = TestEmulator.Start();
        await using var sender = emulator.Client.CreateSender(TestEmulator.Queue);
        await sender.SendMessageAsync(new ServiceBusMessage("kept"));
        await sender.SendMessageAsync(new ServiceBusMessage("locked"));
        await using (var receiver = emulator.Client.CreateReceiver(TestEmulator.Queue))
        {
            Assert.Equal("kept", (await receiver.PeekMessageAsync()).Body.ToString());
        }

        var lockHolder = emulator.Client.CreateReceiver(TestEmulator.Queue);
        var before = await lockHolder.ReceiveMessagesAsync(2, Wait);
        var lastBefore = before.Max(m => m.SequenceNumber);

        await emulator.RestartAsync();
        await sender.SendMessageAsync(new ServiceBusMessage("after"));
        await using var fresh = emulator.Client.CreateReceiver(TestEmulator.Queue);
        var messages = new List<ServiceBusReceivedMessage>();
        while (messages.Count < 3 && await fresh.ReceiveMessageAsync(Wait) is { } message)
        {
            messages.Add(message);
            await fresh.CompleteMessageAsync(message);
        }

        Assert.Equal(["kept", "locked", "after"], messages.Select(m => m.Body.ToString()));
        Assert.True(messages[2].SequenceNumber > lastBefore);
        Assert.All(messages.Take(2), m => Assert.Equal(2, m.DeliveryCount));
        await lockHolder.DisposeAsync();
    }

    [SkippableFact]
    public async Task Every_acknowledged_send_survives_a_killed_process()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ServerlessSafety.ServiceBusEmulator.dll");
        Skip.IfNot(File.Exists(dll), "The emulator's build output is not beside the tests.");
        var dataDir = Directory.CreateTempSubdirectory("servicebus-crash-").FullName;
        var config = Path.Combine(dataDir, "servicebus.json");
        await File.WriteAllTextAsync(config, """{ "queues": [ { "name": "crash", "lockDuration": "PT30S" } ] }""");
        var port = FreePort();
        try
        {
            var (process, connection) = await StartProcessAsync(dll, port, dataDir, config);
            var acknowledged = new List<string>();
            long lastSequenceBefore;
            await using (var client = new ServiceBusClient(connection, TestEmulator.ClientOptions))
            {
                await using var sender = client.CreateSender("crash");
                await using var receiver = client.CreateReceiver("crash");
                using var stop = new CancellationTokenSource();
                var sending = Task.Run(async () =>
                {
                    for (var i = 0; !stop.IsCancellationRequested && i < 5000; i++)
                    {
                        try
                        {
                            await sender.SendMessageAsync(new ServiceBusMessage($"m{i}") { MessageId = $"m{i}" });
                            acknowledged.Add($"m{i}");
                        }
                        catch (Exception exception) when (exception is ServiceBusException or OperationCanceledException or TimeoutException)
                        {
                            return;
                        }
                    }
                });
                while (acknowledged.Count < 200)
                {
                    await Task.Delay(10);
                }

                var locked = await receiver.ReceiveMessageAsync(Wait);
                lastSequenceBefore = locked.SequenceNumber;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                stop.Cancel();
                await sending.WaitAsync(TimeSpan.FromSeconds(60));
            }

            var (restarted, _) = await StartProcessAsync(dll, port, dataDir, config);
            try
            {
                await using var client = new ServiceBusClient(connection, TestEmulator.ClientOptions);
                await using var receiver = client.CreateReceiver("crash", new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
                var delivered = new HashSet<string>();
                while (await receiver.ReceiveMessagesAsync(500, TimeSpan.FromSeconds(2)) is { Count: > 0 } batch)
                {
                    foreach (var message in batch)
                    {
                        delivered.Add(message.Body.ToString());
                        lastSequenceBefore = Math.Max(lastSequenceBefore, message.SequenceNumber);
                    }
                }

                Assert.Empty(acknowledged.Except(delivered));
                await using var sender = client.CreateSender("crash");
                await sender.SendMessageAsync(new ServiceBusMessage("after"));
                var after = await receiver.ReceiveMessageAsync(Wait);
                Assert.True(after.SequenceNumber > lastSequenceBefore);
            }
            finally
            {
                restarted.Kill(entireProcessTree: true);
                await restarted.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task<(Process Process, string ConnectionString)> StartProcessAsync(string dll, int port, string dataDir, string config)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { dll, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", dataDir, "--config", config })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("ready ", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult(e.Data["ready ".Length..]);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, await ready.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
