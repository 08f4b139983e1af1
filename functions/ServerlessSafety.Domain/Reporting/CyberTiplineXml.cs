using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ServerlessSafety.Domain.Reporting;

/// <summary>
/// Writes the CyberTipline documents: <c>report</c> for <c>/submit</c> and <c>fileDetails</c> for <c>/fileinfo</c>,
/// elements in the order NCMEC's schema sequences them, optional ones left out when empty.
/// </summary>
public static class CyberTiplineXml
{
    /// <summary>The <c>report</c> document of a report.</summary>
    public static XDocument WriteReport(CyberTiplineReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = new XElement("incidentSummary",
            new XElement("incidentType", report.IncidentType.ToSchemaText()),
            Optional("platform", report.Platform),
            report.Sextortion ? new XElement("reportAnnotations", new XElement("sextortion", "true")) : null,
            new XElement("incidentDateTime", DateTime(report.IncidentAt)),
            Optional("incidentDateTimeDescription", report.IncidentTimeDescription));

        var internet = new XElement("internetDetails",
            new XElement("webPageIncident",
                report.Internet.Urls.Select(u => new XElement("url", Clean(u))),
                Optional("additionalInfo", report.Internet.Description)));

        var reporter = report.Reporter;
        var reporterElement = new XElement("reporter",
            new XElement("reportingPerson",
                Optional("firstName", reporter.FirstName),
                Optional("lastName", reporter.LastName),
                Optional("phone", reporter.Phone),
                Optional("email", reporter.Email)),
            new XElement("contactPerson",
                Optional("firstName", reporter.FirstName),
                Optional("lastName", reporter.LastName),
                Optional("phone", reporter.Phone),
                Optional("email", reporter.Email)),
            Optional("companyTemplate", reporter.CompanyTemplate),
            Optional("legalURL", reporter.LegalUrl));

        return new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement("report",
                summary,
                internet,
                reporterElement,
                report.ReportedAccount is { } account ? Account(account) : null,
                report.Victim is { } victim ? Victim(victim) : null,
                Optional("additionalInfo", report.AdditionalInfo)));
    }

    /// <summary>The <c>fileDetails</c> document of a file NCMEC stored as <paramref name="fileId"/> in report <paramref name="reportId"/>.</summary>
    public static XDocument WriteFileDetails(long reportId, string fileId, CyberTiplineFile file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileId);
        ArgumentNullException.ThrowIfNull(file);
        return new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement("fileDetails",
                new XElement("reportId", reportId.ToString(CultureInfo.InvariantCulture)),
                new XElement("fileId", Clean(fileId)),
                Optional("fileName", file.FileName),
                file.UploadedAt is { } uploaded ? new XElement("uploadedToEspTimestamp", DateTime(uploaded)) : null,
                Optional("locationOfFile", file.Location),
                new XElement("fileViewedByEsp", file.ViewedByPerson ? "true" : "false"),
                new XElement("fileRelevance", "Reported"),
                new XElement("originalFileHash", new XAttribute("hashType", "MD5"), file.Md5),
                new XElement("originalFileHash", new XAttribute("hashType", "SHA256"), file.Sha256)));
    }

    /// <summary>The document as UTF-8 text with its declaration, the exact bytes sent.</summary>
    public static string ToText(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, OmitXmlDeclaration = false };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            document.Save(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static XElement Account(CyberTiplineAccount account) => new("personOrUserReported",
        Optional("espIdentifier", account.EspIdentifier),
        Optional("espService", account.EspService),
        Optional("screenName", account.ScreenName),
        Optional("displayName", account.DisplayName),
        Optional("profileUrl", account.ProfileUrl),
        account.IpCaptures.Select(ip => new XElement("ipCaptureEvent",
            new XElement("ipAddress", Clean(ip.Address)),
            new XElement("eventName", ip.Event.ToString()),
            new XElement("dateTime", DateTime(ip.At)))));

    private static XElement Victim(CyberTiplineVictim victim) => new("victim",
        new XElement("victimPerson",
            victim.Age is { } age ? new XElement("age", age.ToString(CultureInfo.InvariantCulture)) : null),
        Optional("espIdentifier", victim.EspIdentifier),
        Optional("espService", victim.EspService),
        Optional("screenName", victim.ScreenName));

    private static XElement? Optional(string name, string? value)
        => string.IsNullOrWhiteSpace(value) ? null : new XElement(name, Clean(value));

    private static string DateTime(DateTimeOffset value)
        => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // Text from cases can hold characters XML 1.0 cannot carry at all; they are dropped rather than failing the report.
    private static string Clean(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.All(XmlConvert.IsXmlChar))
        {
            return trimmed;
        }

        var builder = new StringBuilder(trimmed.Length);
        for (var i = 0; i < trimmed.Length; i++)
        {
            if (char.IsHighSurrogate(trimmed[i]) && i + 1 < trimmed.Length && XmlConvert.IsXmlSurrogatePair(trimmed[i + 1], trimmed[i]))
            {
                builder.Append(trimmed[i]).Append(trimmed[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(trimmed[i]))
            {
                builder.Append(trimmed[i]);
            }
        }

        return builder.ToString();
    }
}
