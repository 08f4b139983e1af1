using System.Xml.Linq;
using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Reporting;

namespace ServerlessSafety.Domain.Tests.Reporting;

/// <summary>Every document the project can build validates against NCMEC's published schema.</summary>
public sealed class CyberTiplineSchemaTests
{
    private static readonly string[] Categories = ["csam", "ncii", "sextortion", "harassment", "grooming", "other"];

    public static TheoryData<CyberTiplineIncidentType> IncidentTypes()
    {
        var data = new TheoryData<CyberTiplineIncidentType>();
        foreach (var type in Enum.GetValues<CyberTiplineIncidentType>())
        {
            data.Add(type);
        }

        return data;
    }

    [SkippableFact]
    public void Example_ReportAndFileDetails_Validate()
    {
        var schema = SharedSchema.Require();
        var report = Builder(CyberTiplineExample.Options()).Build(CyberTiplineExample.Case());

        Assert.Empty(schema.Validate(CyberTiplineXml.WriteReport(report)));
        foreach (var file in report.Files)
        {
            Assert.Empty(schema.Validate(CyberTiplineXml.WriteFileDetails(70001, "f-" + file.Sha256[..8], file)));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(IncidentTypes))]
    public void EveryIncidentType_Validates(CyberTiplineIncidentType type)
    {
        var schema = SharedSchema.Require();
        var options = CyberTiplineExample.Options();
        options.IncidentTypes["csam"] = type;

        var xml = CyberTiplineXml.WriteReport(Builder(options).Build(CyberTiplineExample.Case()));

        Assert.Empty(schema.Validate(xml));
        Assert.Equal(type.ToSchemaText(), xml.Root!.Element("incidentSummary")!.Element("incidentType")!.Value);
    }

    /// <summary>A generated table: every category, origin and option combination, with and without files and people.</summary>
    [SkippableFact]
    public void GeneratedCases_AcrossCategoriesOriginsAndOptions_AllValidate()
    {
        var schema = SharedSchema.Require();
        var random = new Random(2258);
        var checkedDocuments = 0;
        foreach (var category in Categories)
        {
            foreach (var origin in Enum.GetValues<CaseOrigin>())
            {
                foreach (var keepIps in new[] { false, true })
                {
                    foreach (var includeVictim in new[] { false, true })
                    {
                        for (var sample = 0; sample < 4; sample++)
                        {
                            var options = CyberTiplineExample.Options();
                            options.KeepIpAddresses = keepIps;
                            options.IncludeVictim = includeVictim;
                            options.ContactPhone = random.Next(2) == 0 ? null : "+1 555 0100";
                            options.LegalUrl = random.Next(2) == 0 ? null : new Uri("https://example.com/legal");
                            var report = Builder(options).Build(GeneratedCase(random, category, origin));

                            var xml = CyberTiplineXml.WriteReport(report);
                            var problems = schema.Validate(xml);
                            Assert.True(problems.Count == 0, $"{category}/{origin}/ips={keepIps}/victim={includeVictim}: {string.Join("; ", problems)}");
                            Assert.Empty(CyberTiplineRules.Check(xml));
                            foreach (var file in report.Files)
                            {
                                var details = CyberTiplineXml.WriteFileDetails(random.NextInt64(1, long.MaxValue), "file" + random.Next(), file);
                                Assert.Empty(schema.Validate(details));
                                Assert.Empty(CyberTiplineRules.Check(details));
                                checkedDocuments++;
                            }

                            checkedDocuments++;
                        }
                    }
                }
            }
        }

        Assert.True(checkedDocuments > Categories.Length * 16);
    }

    [SkippableFact]
    public void TextWithCharactersXmlCannotCarry_StillValidates()
    {
        var schema = SharedSchema.Require();
        var safetyCase = CyberTiplineExample.Case() with
        {
            Subject = new ReportedSubject("https://photos.example.com/p/\u0001x", "up\u0000load", "user\uFFFE-1", null),
            NcmecDetails = new NcmecCaseDetails(new ReportedAccountDetails("Sunny \u0008 Days \U0001F600", "\uD800broken", null, null)),
        };

        var text = CyberTiplineXml.ToText(CyberTiplineXml.WriteReport(Builder(CyberTiplineExample.Options()).Build(safetyCase)));

        Assert.Empty(schema.Validate(text));
        Assert.Contains("\U0001F600", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void ElementOutOfSchemaOrder_IsCaught()
    {
        var schema = SharedSchema.Require();
        var xml = CyberTiplineXml.WriteReport(Builder(CyberTiplineExample.Options()).Build(CyberTiplineExample.Case()));
        var reporter = xml.Root!.Element("reporter")!;
        reporter.Remove();
        xml.Root.AddFirst(reporter);

        Assert.NotEmpty(schema.Validate(xml));
    }

    public static TheoryData<string> Mutations() => new(MutationsByName.Keys);

    /// <summary>The built-in rules and the published schema reject the same broken documents.</summary>
    [SkippableTheory]
    [MemberData(nameof(Mutations))]
    public void BrokenDocument_IsRejectedByTheSchemaAndByTheBuiltInRules(string mutation)
    {
        var schema = SharedSchema.Require();
        var report = Builder(CyberTiplineExample.Options()).Build(CyberTiplineExample.Case());
        var xml = mutation.StartsWith("file", StringComparison.Ordinal)
            ? CyberTiplineXml.WriteFileDetails(70001, "f1", report.Files[0])
            : CyberTiplineXml.WriteReport(report);
        Assert.Empty(CyberTiplineRules.Check(xml));

        MutationsByName[mutation](xml.Root!);

        Assert.NotEmpty(schema.Validate(xml));
        Assert.NotEmpty(CyberTiplineRules.Check(xml));
    }

    private static readonly Dictionary<string, Action<XElement>> MutationsByName = new()
    {
        ["reporter first"] = r => { var e = r.Element("reporter")!; e.Remove(); r.AddFirst(e); },
        ["no incidentSummary"] = r => r.Element("incidentSummary")!.Remove(),
        ["no reporter"] = r => r.Element("reporter")!.Remove(),
        ["unknown incident type"] = r => r.Element("incidentSummary")!.Element("incidentType")!.Value = "Something else",
        ["incident date not a date"] = r => r.Element("incidentSummary")!.Element("incidentDateTime")!.Value = "yesterday",
        ["no incident date"] = r => r.Element("incidentSummary")!.Element("incidentDateTime")!.Remove(),
        ["unknown element"] = r => r.Add(new XElement("notInTheSchema", "x")),
        ["two incident summaries"] = r => r.AddFirst(new XElement(r.Element("incidentSummary")!)),
        ["bad ip event"] = r => r.Element("personOrUserReported")!.Element("ipCaptureEvent")!.Element("eventName")!.Value = "Visit",
        ["sextortion false"] = r => r.Element("incidentSummary")!.Element("incidentDateTime")!.AddBeforeSelf(new XElement("reportAnnotations", new XElement("sextortion", "false"))),
        ["file report id not a number"] = r => r.Element("reportId")!.Value = "abc",
        ["file no file id"] = r => r.Element("fileId")!.Remove(),
        ["file hash without type"] = r => r.Element("originalFileHash")!.Attribute("hashType")!.Remove(),
        ["file viewed not boolean"] = r => r.Element("fileViewedByEsp")!.Value = "maybe",
        ["file relevance unknown"] = r => r.Element("fileRelevance")!.Value = "Irrelevant",
    };

    private static CyberTiplineReportBuilder Builder(NcmecOptions options) => new(Options.Create(options));

    private static SafetyCase GeneratedCase(Random random, string category, CaseOrigin origin)
    {
        var opened = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 500_000));
        var files = Enumerable.Range(0, random.Next(0, 4)).Select(i => new CaseFile(
            "quarantine",
            $"blob-{i}",
            new[] { "image/jpeg", "image/png", "video/mp4", "application/octet-stream" }[random.Next(4)],
            random.Next(1, 1_000_000),
            Convert.ToHexStringLower(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 32)),
            Convert.ToHexStringLower(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16)),
            random.Next(2) == 0)).ToList();
        string? Maybe(string value) => random.Next(3) == 0 ? null : value;
        return new SafetyCase
        {
            Id = $"case-{random.Next():x}",
            Category = category,
            Origin = origin,
            OpenedAt = opened,
            DueBy = opened.AddHours(48),
            InvolvesMinor = true,
            Subject = new ReportedSubject(Maybe("https://example.com/p/1"), Maybe("upload-1"), Maybe("user-1"), Maybe("a message")),
            Files = files,
            Matches = random.Next(2) == 0 ? [] : [new BankMatchRecord("upload-1", "md5", "00", "ncmec", 0, true, null)],
            NcmecDetails = random.Next(3) == 0 ? null : new NcmecCaseDetails(
                random.Next(2) == 0 ? null : new ReportedAccountDetails(Maybe("Name"), Maybe("handle"), Maybe("https://example.com/u/1"),
                    [new IpCapture("198.51.100.7", (IpCaptureEvent)random.Next(6), opened.AddMinutes(-5))]),
                random.Next(2) == 0 ? null : new VictimDetails(Maybe("victim-1"), Maybe("victim_handle"), random.Next(2) == 0 ? null : random.Next(8, 18))),
        };
    }
}
