using System.Xml.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Reporting;

namespace ServerlessSafety.Cli;

/// <summary>
/// <c>ncmec render CASE.json | --example</c>: prints the report document that would be submitted for a case, and
/// checks it (and each file's details) against NCMEC's schema when the file is at hand (<c>--schema</c>, or
/// <c>../shared/ncmec</c>), else against the rules the platform knows. Nothing is sent or stored.
/// </summary>
internal static class NcmecRenderCommand
{
    public static ExitCode Run(CommandLine line, IConfiguration configuration, TextWriter output, TextWriter errors)
    {
        var example = line.Flag("--example");
        if (example == (line.Words.Count == 3))
        {
            errors.WriteLine("usage: safety ncmec render CASE.json | --example [--schema cyber_tipline.xsd]");
            return ExitCode.Usage;
        }

        string? error = null;
        var safetyCase = example ? CyberTiplineExample.Case() : CaseFileReader.Read(line.Words[2], out error);
        if (safetyCase is null)
        {
            errors.WriteLine(error);
            return ExitCode.NotFound;
        }

        var options = configuration.GetSection(NcmecOptions.Section).Get<NcmecOptions>() ?? new NcmecOptions();
        if (example && options.MissingReporterSettings().Count > 0)
        {
            options = CyberTiplineExample.Options();
        }

        CyberTiplineReport report;
        try
        {
            report = new CyberTiplineReportBuilder(Options.Create(options)).Build(safetyCase);
        }
        catch (CyberTiplineException e)
        {
            errors.WriteLine(e.Message);
            return ExitCode.Configuration;
        }

        var check = Checker(line.Option("--schema"), out var against);
        if (check is null)
        {
            errors.WriteLine(against);
            return ExitCode.Configuration;
        }

        var document = CyberTiplineXml.WriteReport(report);
        var problems = check(document).Select(p => $"report: {p}").ToList();
        // The file details get NCMEC's ids only after the upload; placeholders stand in for the check.
        foreach (var file in report.Files)
        {
            problems.AddRange(check(CyberTiplineXml.WriteFileDetails(0, "not-yet-uploaded", file)).Select(p => $"fileDetails {file.Sha256[..12]}: {p}"));
        }

        output.Write(CyberTiplineXml.ToText(document));
        output.WriteLine();
        errors.WriteLine($"{report.Files.Count} file(s); checked against {against}: {(problems.Count == 0 ? "valid" : $"{problems.Count} problem(s)")}");
        foreach (var problem in problems)
        {
            errors.WriteLine("  " + problem);
        }

        return problems.Count == 0 ? ExitCode.Ok : ExitCode.Rejected;
    }

    private static Func<XDocument, IReadOnlyList<string>>? Checker(string? schemaPath, out string description)
    {
        var path = schemaPath ?? CyberTiplineSchema.Find(Directory.GetCurrentDirectory()) ?? CyberTiplineSchema.Find(AppContext.BaseDirectory);
        if (path is null)
        {
            description = "the platform's built-in schema rules (NCMEC's schema file not found; pass --schema to use it)";
            return CyberTiplineRules.Check;
        }

        if (!File.Exists(path))
        {
            description = $"the schema file {path} does not exist";
            return null;
        }

        var schema = CyberTiplineSchema.Load(path);
        description = $"NCMEC's schema ({path})";
        return schema.Validate;
    }
}
