using Microsoft.Extensions.Configuration;

namespace ServerlessSafety.Cli.Tests;

/// <summary>One run of the command in the test process: its exit code and what it wrote.</summary>
public sealed record CliRun(int ExitCode, string Output, string Errors)
{
    public static async Task<CliRun> StartAsync(IConfiguration? configuration, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        var code = await SafetyCli.RunAsync(args, output, errors, configuration, timeout.Token);
        return new CliRun(code, output.ToString(), errors.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Errors}";
}
