using System.Diagnostics;
using System.Xml.Linq;
using Microsoft.Extensions.Configuration;
using ServerlessSafety.Domain.Evidence;
using ServerlessSafety.Domain.Reporting;
using ServerlessSafety.Domain.Tests.Reporting;
using ServerlessSafety.Testing;

namespace ServerlessSafety.Cli.Tests;

/// <summary><c>ncmec render</c>: no storage, nothing sent.</summary>
public sealed class RenderCommandTests : IDisposable
{
    private static readonly IConfiguration Empty = new ConfigurationBuilder().Build();

    private readonly string _dir = Directory.CreateTempSubdirectory("safety-render-").FullName;

    [Fact]
    public async Task RenderExample_PrintsTheReportAndExitsZero()
    {
        var run = await CliRun.StartAsync(Empty, "ncmec", "render", "--example");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("report", XDocument.Parse(run.Output).Root!.Name.LocalName);
        Assert.Contains("valid", run.Errors, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RenderExample_WithTheSchemaFile_IsValidAgainstIt()
    {
        var schema = SharedSchema.Require();

        var run = await CliRun.StartAsync(Empty, "ncmec", "render", "--example", "--schema", schema.Path!);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("NCMEC's schema", run.Errors, StringComparison.Ordinal);
        Assert.Empty(schema.Validate(run.Output));
    }

    [Fact]
    public async Task RenderCaseFile_WithConfiguredReporter_PrintsItsReport()
    {
        var path = Path.Combine(_dir, "case.json");
        var safetyCase = CyberTiplineExample.Case() with { Id = "case-from-file" };
        await File.WriteAllBytesAsync(path, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(safetyCase, EvidenceJson.Options));

        var run = await CliRun.StartAsync(Reporter(), "ncmec", "render", path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Platform case case-from-file", run.Output, StringComparison.Ordinal);
        Assert.Contains("<espIdentifier>user-4821</espIdentifier>", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderCaseFile_WithoutReporterSettings_ExitsFourNamingThem()
    {
        var path = Path.Combine(_dir, "case.json");
        await File.WriteAllBytesAsync(path, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(CyberTiplineExample.Case(), EvidenceJson.Options));

        var run = await CliRun.StartAsync(Empty, "ncmec", "render", path);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("Ncmec:ReporterOrganization", run.Errors, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task RenderCaseFile_NotACase_ExitsThreeWithoutEchoingIt()
    {
        var path = Path.Combine(_dir, "broken.json");
        await File.WriteAllTextAsync(path, """{ "id": "x", "subject": { "account": "secret-person-name" }, "origin": 42 """);

        var run = await CliRun.StartAsync(Reporter(), "ncmec", "render", path);

        Assert.Equal(3, run.ExitCode);
        Assert.DoesNotContain("secret-person-name", run.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "ncmec", "render")]
    [InlineData(2, "ncmec", "render", "a.json", "--example")]
    [InlineData(2, "ncmec", "resume")]
    [InlineData(2, "ncmec", "resume", "../../etc/passwd")]
    [InlineData(2, "nonsense", "words", "case-1")]
    [InlineData(2, "ncmec", "render", "--schema")]
    [InlineData(0, "--help")]
    public async Task BadCommandLines_ExitWithUsage(int expected, params string[] args)
    {
        var run = await CliRun.StartAsync(Empty, args);

        Assert.Equal(expected, run.ExitCode);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Wrapper_RendersTheExample()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        foreach (var arg in new[] { Path.Combine(RepositoryRoot.Path, "scripts", "safety"), "ncmec", "render", "--example" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(50)).Token);

        Assert.True(process.ExitCode == 0, await errors);
        Assert.Equal("report", XDocument.Parse(await output).Root!.Name.LocalName);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IConfiguration Reporter()
    {
        var o = CyberTiplineExample.Options();
        return new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ncmec:ReporterOrganization"] = o.ReporterOrganization,
            ["Ncmec:EspServiceName"] = o.EspServiceName,
            ["Ncmec:ContactFirstName"] = o.ContactFirstName,
            ["Ncmec:ContactLastName"] = o.ContactLastName,
            ["Ncmec:ContactEmail"] = o.ContactEmail,
        }).Build();
    }
}
