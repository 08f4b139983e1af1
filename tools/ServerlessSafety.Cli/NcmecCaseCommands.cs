using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Reporting;

namespace ServerlessSafety.Cli;

/// <summary>
/// <c>ncmec status|resume|retract CASE</c>: the case's recorded CyberTipline state, and the operator's two ways out
/// of an escalation that failed, through the same service the queue function uses.
/// </summary>
internal static class NcmecCaseCommands
{
    public static async Task<ExitCode> RunAsync(string command, string caseId, string actor, IServiceProvider services, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var cases = services.GetRequiredService<ICaseStore>();
        var before = await cases.GetAsync(caseId, cancellationToken);
        if (before is null)
        {
            errors.WriteLine($"Case {caseId} does not exist.");
            return ExitCode.NotFound;
        }

        if (command == "status")
        {
            output.WriteLine(Describe(before));
            return ExitCode.Ok;
        }

        var escalation = services.GetRequiredService<NcmecEscalationService>();
        try
        {
            var outcome = command == "resume"
                ? await escalation.EscalateAsync(caseId, actor, cancellationToken)
                : await escalation.RetractAsync(caseId, actor, cancellationToken);
            var after = await cases.GetAsync(caseId, cancellationToken) ?? before;
            output.WriteLine($"{command}: {Outcome(outcome)}");
            output.WriteLine(Describe(after));
            return outcome switch
            {
                NcmecEscalationOutcome.Finished or NcmecEscalationOutcome.AlreadyFinished => ExitCode.Ok,
                NcmecEscalationOutcome.Retracted => command == "retract" ? ExitCode.Ok : ExitCode.Rejected,
                NcmecEscalationOutcome.InProgress => ExitCode.Busy,
                _ => ExitCode.Rejected,
            };
        }
        catch (NcmecEscalationFailedException e)
        {
            errors.WriteLine($"{command} failed after step {e.LastStep} ({(e.IsTransient ? "transient" : "refused")}): {e.InnerException?.Message}");
            return ExitCode.ServiceFailure;
        }
        catch (CyberTiplineException e)
        {
            errors.WriteLine($"{command} failed: {e.Message}");
            return e.IsTransient ? ExitCode.ServiceFailure : ExitCode.Rejected;
        }
        catch (NcmecEscalationBusyException e)
        {
            errors.WriteLine(e.Message);
            return ExitCode.Busy;
        }
    }

    /// <summary>The recorded state: step, report id, attempts, on-call flag, last error; no personal data.</summary>
    public static string Describe(SafetyCase c)
    {
        var progress = c.Ncmec ?? new NcmecReportProgress();
        var lines = new List<string>
        {
            $"case {c.Id}: step {progress.Step}, report {progress.ReportId ?? "(none)"}, attempts {progress.Attempts}, on-call {(c.NeedsOnCall ? "yes" : "no")}",
            $"  files {c.Files.Count}, uploaded {progress.UploadedFiles.Count}, described {progress.FileInfoSent.Count}",
        };
        if (progress.LeaseOwner is not null)
        {
            lines.Add($"  held by an escalation run until {progress.LeaseUntil?.ToString("O", CultureInfo.InvariantCulture)}");
        }

        if (progress.LastError is { } error)
        {
            lines.Add($"  last error: {error}");
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Outcome(NcmecEscalationOutcome outcome) => outcome switch
    {
        NcmecEscalationOutcome.Finished => "the report is finished; NCMEC has it",
        NcmecEscalationOutcome.AlreadyFinished => "the report was finished before; nothing was sent",
        NcmecEscalationOutcome.Retracted => "the report is retracted; nothing more is sent for this case",
        NcmecEscalationOutcome.CannotRetractFinished => "the report is finished and cannot be retracted through the API; contact NCMEC",
        NcmecEscalationOutcome.InProgress => "an escalation run is working on it now; try again later",
        _ => outcome.ToString(),
    };
}
