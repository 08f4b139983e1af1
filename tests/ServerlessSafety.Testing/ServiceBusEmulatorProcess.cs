using System.Diagnostics;

namespace ServerlessSafety.Testing;

/// <summary>
/// A Service Bus emulator of the test's own, as a process on a free port with the test's queue declarations, so a
/// test's queues and delivery counts are its own. Null from <see cref="StartAsync"/> when the emulator is not built.
/// </summary>
public sealed class ServiceBusEmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDir;

    private ServiceBusEmulatorProcess(Process process, string connectionString, string dataDir)
    {
        _process = process;
        ConnectionString = connectionString;
        _dataDir = dataDir;
    }

    public static string DllPath => Path.Combine(RepositoryRoot.Path, "functions", "ServerlessSafety.ServiceBusEmulator", "bin", "Release", "net10.0", "ServerlessSafety.ServiceBusEmulator.dll");

    public string ConnectionString { get; }

    /// <summary>Starts the emulator with <paramref name="configJson"/> as its queue declarations (the format of config/servicebus.json).</summary>
    public static async Task<ServiceBusEmulatorProcess?> StartAsync(string configJson)
    {
        if (!File.Exists(DllPath))
        {
            return null;
        }

        var dataDir = Directory.CreateTempSubdirectory("servicebus-test-").FullName;
        var config = Path.Combine(dataDir, "servicebus.json");
        await File.WriteAllTextAsync(config, configJson);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { DllPath, "--port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", dataDir, "--config", config })
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
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("The Service Bus emulator exited before it was ready."));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new ServiceBusEmulatorProcess(process, await ready.Task.WaitAsync(TimeSpan.FromSeconds(60)), dataDir);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
