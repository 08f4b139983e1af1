using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Reporting;

namespace ServerlessSafety.Domain.Tests.Reporting;

public sealed class CyberTiplineReportBuilderTests
{
    [Fact]
    public void Build_IpAddresses_OnlyWhenThePlatformKeepsThem()
    {
        var options = CyberTiplineExample.Options();
        options.KeepIpAddresses = false;
        var without = Build(options, CyberTiplineExample.Case());
        options.KeepIpAddresses = true;
        var with = Build(options, CyberTiplineExample.Case());

        Assert.Empty(without.ReportedAccount!.IpCaptures);
        Assert.Equal(2, with.ReportedAccount!.IpCaptures.Count);
    }

    [Fact]
    public void Build_Victim_OnlyWhenThePolicyAllows()
    {
        var safetyCase = CyberTiplineExample.Case() with { NcmecDetails = new NcmecCaseDetails(Victim: new VictimDetails("victim-1", "v", 15)) };
        var options = CyberTiplineExample.Options();

        Assert.Null(Build(options, safetyCase).Victim);
        options.IncludeVictim = true;
        Assert.Equal(15, Build(options, safetyCase).Victim!.Age);
    }

    [Fact]
    public void Build_NeverCarriesTheReportersContactOrWords()
    {
        var safetyCase = CyberTiplineExample.Case() with
        {
            Contact = new ContactChannel(ContactKind.Email, "reporter@example.org"),
            Justification = "my own words about this",
        };

        var text = CyberTiplineXml.ToText(CyberTiplineXml.WriteReport(Build(CyberTiplineExample.Options(), safetyCase)));

        Assert.DoesNotContain("reporter@example.org", text, StringComparison.Ordinal);
        Assert.DoesNotContain("my own words", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FilesCarryHashesAndWhetherAPersonViewedThem()
    {
        var report = Build(CyberTiplineExample.Options(), CyberTiplineExample.Case());

        Assert.Equal(CyberTiplineExample.Case().Files.Select(f => (f.Sha256, f.Md5, f.ViewedByPerson)), report.Files.Select(f => (f.Sha256, f.Md5, f.ViewedByPerson)));
    }

    [Fact]
    public void Build_ReporterNotConfigured_NamesTheMissingSettings()
    {
        var failure = Assert.Throws<CyberTiplineException>(() => Build(new NcmecOptions(), CyberTiplineExample.Case()));

        Assert.False(failure.IsTransient);
        Assert.Contains("Ncmec:ReporterOrganization", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Ncmec:ContactEmail", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://report.cybertip.org/ispws/", false, false)]
    [InlineData("https://report.cybertip.org/ispws/", true, true)]
    [InlineData("https://exttest.cybertip.org/ispws/", false, true)]
    [InlineData("http://127.0.0.1:5000/ispws/", false, true)]
    public void BaseUrl_ProductionOnlyWhenExplicitlyAllowed(string url, bool useProduction, bool allowed)
        => Assert.Equal(allowed, new NcmecOptions { BaseUrl = new Uri(url), UseProduction = useProduction }.BaseUrlIsAllowed());

    private static CyberTiplineReport Build(NcmecOptions options, SafetyCase safetyCase) => new CyberTiplineReportBuilder(Options.Create(options)).Build(safetyCase);
}
