using Azure;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ServerlessSafety.Cli;

/// <summary>The <c>safety</c> command: reads the command line and runs one command.</summary>
internal static class SafetyCli
{
    public const string Usage = """
        usage: safety [--settings local.settings.json] COMMAND
          ncmec render CASE.json | --example [--schema cyber_tipline.xsd]   print the report that would be sent, checked
          ncmec status CASE                                                the case's recorded CyberTipline state
          ncmec resume CASE [--actor NAME]                                 run or resume the case's report
          ncmec retract CASE [--actor NAME]                                withdraw the case's unfinished report
          evidence export CASE [--out FILE.zip] [--actor NAME]             the case's evidence for a law enforcement request
        exit codes: 0 done, 1 rejected, 2 usage, 3 not found, 4 configuration, 5 service failure, 6 busy
        """;

    private const int MaxCaseIdLength = 200;

    /// <summary>Runs the command; <paramref name="configuration"/> replaces the settings files (tests).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, IConfiguration? configuration = null, CancellationToken cancellationToken = default)
        => (int)await RunCommandAsync(args, output, errors, configuration, cancellationToken);

    private static async Task<ExitCode> RunCommandAsync(string[] args, TextWriter output, TextWriter errors, IConfiguration? configuration, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(args, out var parseError);
        if (line is null || line.Flag("--help") || line.Words.Count < 2)
        {
            errors.WriteLine(parseError ?? Usage);
            return line?.Flag("--help") == true ? ExitCode.Ok : ExitCode.Usage;
        }

        try
        {
            configuration ??= CliSettings.Load(line.Option("--settings"));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException)
        {
            errors.WriteLine($"settings: {e.Message}");
            return ExitCode.Configuration;
        }

        var (group, command) = (line.Words[0], line.Words[1]);
        if ((group, command) == ("ncmec", "render"))
        {
            return NcmecRenderCommand.Run(line, configuration, output, errors);
        }

        if (line.Words.Count != 3 || !IsCaseId(line.Words[2]))
        {
            errors.WriteLine(line.Words.Count == 3 ? "CASE must be a case id (letters, digits, '-', '_', '.')." : Usage);
            return ExitCode.Usage;
        }

        var caseId = line.Words[2];
        var actor = line.Option("--actor") ?? "operator:" + (Environment.UserName is { Length: > 0 } user ? user : "unknown");
        try
        {
            await using var services = SafetyServices.Build(configuration, errors);
            return (group, command) switch
            {
                ("ncmec", "status" or "resume" or "retract") => await NcmecCaseCommands.RunAsync(command, caseId, actor, services, output, errors, cancellationToken),
                ("evidence", "export") => await EvidenceExportCommand.RunAsync(caseId, line.Option("--out"), actor, services, output, errors, cancellationToken),
                _ => Unknown(errors),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or OptionsValidationException && !cancellationToken.IsCancellationRequested)
        {
            // Missing connection settings and invalid options say which setting to set.
            errors.WriteLine($"configuration: {e.Message}");
            return ExitCode.Configuration;
        }
        catch (Exception e) when (e is RequestFailedException or CosmosException or HttpRequestException)
        {
            errors.WriteLine($"storage failed: {e.GetType().Name}");
            return ExitCode.ServiceFailure;
        }
    }

    private static ExitCode Unknown(TextWriter errors)
    {
        errors.WriteLine(Usage);
        return ExitCode.Usage;
    }

    private static bool IsCaseId(string value)
        => value.Length is > 0 and <= MaxCaseIdLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
