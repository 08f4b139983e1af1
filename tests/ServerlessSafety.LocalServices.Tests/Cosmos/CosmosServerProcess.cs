using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace ServerlessSafety.LocalServices.Tests.Cosmos;

/// <summary>One <c>node services/cosmos/server.js</c> process, started and stopped as scripts/services does.</summary>
public sealed class CosmosServerProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private CosmosServerProcess(Process process, string readyLine)
    {
        _process = process;
        ReadyLine = readyLine;
        ConnectionString = readyLine["ready ".Length..];
        var endpoint = ConnectionString.Split(';')[0]["AccountEndpoint=".Length..];
        Endpoint = new Uri(endpoint);
    }

    /// <summary>The whole line the server printed when ready.</summary>
    public string ReadyLine { get; }

    public string ConnectionString { get; }

    public Uri Endpoint { get; }

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static async Task<CosmosServerProcess> StartAsync(string dataDir, int port = 0)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var arg in new[] { Path.Combine("services", "cosmos", "server.js"), "--port", port.ToString(), "--data-dir", dataDir })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start; is it on PATH?");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(StartTimeout);
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"The Cosmos server printed nothing within {StartTimeout}. stderr: {stderr}");
        }

        if (line is null || !line.StartsWith("ready ", StringComparison.Ordinal))
        {
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(StopTimeout);
            throw new InvalidOperationException($"The Cosmos server did not get ready (stdout: {line}). stderr: {stderr}");
        }

        var server = new CosmosServerProcess(process, line);
        lock (stderr)
        {
            server._stderr.Append(stderr);
        }

        process.ErrorDataReceived += (_, e) =>
        {
            lock (server._stderr)
            {
                server._stderr.AppendLine(e.Data);
            }
        };
        return server;
    }

    /// <summary>Sends SIGTERM and waits for the process to flush and exit; kills it if it does not.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        if (Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            _process.Kill();
            throw new TimeoutException($"The Cosmos server did not exit within {StopTimeout} of SIGTERM. stderr: {Stderr}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await StopAsync();
            }
            catch (TimeoutException)
            {
                // Already killed; disposal must not fail the run.
            }
        }

        _process.Dispose();
    }

    private static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "services", "cosmos", "server.js")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"No services/cosmos/server.js above {AppContext.BaseDirectory}.");
        }
    }

    // Process offers no way to send SIGTERM, which the server needs to flush its data before exit.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
