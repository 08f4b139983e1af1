using Microsoft.Extensions.DependencyInjection;
using ServerlessSafety.Domain.Evidence;

namespace ServerlessSafety.Cli;

/// <summary>
/// <c>evidence export CASE --out FILE.zip</c>: the case's evidence, the report as sent, the custody records, a manifest
/// and SHA256SUMS, for a law enforcement request. The export itself is recorded in the evidence container.
/// </summary>
internal static class EvidenceExportCommand
{
    public static async Task<ExitCode> RunAsync(string caseId, string? outputPath, string actor, IServiceProvider services, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var path = outputPath ?? $"evidence-{caseId}.zip";
        if (File.Exists(path))
        {
            errors.WriteLine($"{path} exists; it is not overwritten.");
            return ExitCode.Usage;
        }

        EvidenceManifest manifest;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            manifest = await services.GetRequiredService<EvidenceExport>().ExportAsync(caseId, file, actor, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            File.Delete(path);
            errors.WriteLine(e.Message);
            return ExitCode.NotFound;
        }

        var mismatched = manifest.Entries.Where(e => e.MatchesCustody == false).ToList();
        output.WriteLine($"{path}: {manifest.Entries.Count} item(s) of case {caseId}, export {manifest.ExportId}");
        output.WriteLine(mismatched.Count == 0
            ? "every item matches its chain-of-custody record"
            : $"{mismatched.Count} item(s) do NOT match their custody record: {string.Join(", ", mismatched.Select(e => e.Path))}");
        return mismatched.Count == 0 ? ExitCode.Ok : ExitCode.Rejected;
    }
}
