using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace ServerlessSafety.Domain.Reporting;

/// <summary>
/// The part of NCMEC's schema the platform writes, known without the schema file: for each element the children it may
/// have, in the schema's order and counts, and the types of the values (dates, booleans, numbers, enumerations). It
/// checks documents where the published schema is not at hand (the operator's render command, a deployed app); where
/// the schema is, <see cref="CyberTiplineSchema"/> is the authority, and the tests hold the two to the same verdicts.
/// </summary>
public static class CyberTiplineRules
{
    private const int Unbounded = int.MaxValue;

    private static readonly IReadOnlyList<Child> Person =
        [new("firstName"), new("lastName"), new("phone", 0, Unbounded), new("email", 0, Unbounded), new("age", Type: Int)];

    private static readonly Dictionary<string, IReadOnlyList<Child>> Elements = new(StringComparer.Ordinal)
    {
        ["report"] = [new("incidentSummary", 1), new("internetDetails", 0, Unbounded), new("reporter", 1), new("personOrUserReported", 0, Unbounded), new("victim", 0, Unbounded), new("additionalInfo")],
        ["incidentSummary"] = [new("incidentType", 1, Type: IncidentType), new("platform"), new("reportAnnotations"), new("incidentDateTime", 1, Type: DateTime), new("incidentDateTimeDescription")],
        ["reportAnnotations"] = [new("sextortion", Type: True)],
        ["internetDetails"] = [new("webPageIncident", 1)],
        ["webPageIncident"] = [new("url", 0, Unbounded), new("additionalInfo")],
        ["reporter"] = [new("reportingPerson", 1), new("contactPerson"), new("companyTemplate"), new("legalURL")],
        ["reportingPerson"] = Person,
        ["contactPerson"] = Person.Where(c => c.Name != "age").ToList(),
        ["personOrUserReported"] = [new("espIdentifier"), new("espService"), new("screenName"), new("displayName", 0, Unbounded), new("profileUrl", 0, Unbounded), new("ipCaptureEvent", 0, Unbounded)],
        ["ipCaptureEvent"] = [new("ipAddress", 1), new("eventName", Type: IpCaptureType), new("dateTime", Type: DateTime)],
        ["victim"] = [new("victimPerson", 1), new("espIdentifier"), new("espService"), new("screenName")],
        ["victimPerson"] = Person,
        ["fileDetails"] = [new("reportId", 1, Type: Long), new("fileId", 1), new("fileName"), new("uploadedToEspTimestamp", Type: DateTime), new("locationOfFile"), new("fileViewedByEsp", Type: Boolean), new("fileRelevance", Type: FileRelevance), new("originalFileHash", 0, Unbounded, Hash)],
    };

    /// <summary>What is wrong with <paramref name="document"/> (a <c>report</c> or a <c>fileDetails</c>); empty when nothing is.</summary>
    public static IReadOnlyList<string> Check(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new List<string>();
        if (document.Root is not { Name.LocalName: "report" or "fileDetails" } root || root.Name.Namespace != XNamespace.None)
        {
            problems.Add($"the root is {document.Root?.Name.ToString() ?? "missing"}, not report or fileDetails");
            return problems;
        }

        CheckElement(root, "/" + root.Name.LocalName, problems);
        return problems;
    }

    private static void CheckElement(XElement element, string path, List<string> problems)
    {
        var children = element.Elements().ToList();
        var spec = Elements[element.Name.LocalName];
        var next = 0;
        foreach (var child in spec)
        {
            var count = 0;
            while (next < children.Count && children[next].Name.LocalName == child.Name && children[next].Name.Namespace == XNamespace.None && count < child.Max)
            {
                var childPath = $"{path}/{child.Name}";
                if (child.Type is { } type)
                {
                    type(children[next], childPath, problems);
                }
                else if (Elements.ContainsKey(child.Name))
                {
                    CheckElement(children[next], childPath, problems);
                }
                else
                {
                    Text(children[next], childPath, problems);
                }

                count++;
                next++;
            }

            if (count < child.Min)
            {
                problems.Add($"{path}: {child.Name} is required here");
            }
        }

        if (next < children.Count)
        {
            problems.Add($"{path}: {children[next].Name} is not allowed here (out of order, repeated or unknown)");
        }
    }

    private static void Text(XElement element, string path, List<string> problems)
    {
        if (element.HasElements)
        {
            problems.Add($"{path}: holds elements where text belongs");
        }
    }

    private static void DateTime(XElement e, string path, List<string> problems)
        => Valid(e, path, problems, "an xs:dateTime", v => DateTimeOffset.TryParseExact(v, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

    private static void Boolean(XElement e, string path, List<string> problems) => Valid(e, path, problems, "true or false", v => v is "true" or "false" or "1" or "0");

    private static void True(XElement e, string path, List<string> problems) => Valid(e, path, problems, "true (the schema fixes it)", v => v is "true" or "1");

    private static void Long(XElement e, string path, List<string> problems) => Valid(e, path, problems, "a whole number", v => long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));

    private static void Int(XElement e, string path, List<string> problems) => Valid(e, path, problems, "a whole number", v => int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));

    private static void IncidentType(XElement e, string path, List<string> problems)
        => Valid(e, path, problems, "one of the schema's incident types", v => Enum.GetValues<CyberTiplineIncidentType>().Any(t => t.ToSchemaText() == v));

    private static void IpCaptureType(XElement e, string path, List<string> problems)
        => Valid(e, path, problems, "one of the schema's IP capture types", v => Enum.TryParse<IpCaptureEvent>(v, ignoreCase: false, out var parsed) && parsed.ToString() == v);

    private static void FileRelevance(XElement e, string path, List<string> problems) => Valid(e, path, problems, "Reported or Supplemental Reported", v => v is "Reported" or "Supplemental Reported");

    private static void Hash(XElement e, string path, List<string> problems)
    {
        Text(e, path, problems);
        if (string.IsNullOrEmpty(e.Attribute("hashType")?.Value))
        {
            problems.Add($"{path}: the hashType attribute is required");
        }
    }

    private static void Valid(XElement e, string path, List<string> problems, string expected, Func<string, bool> isValid)
    {
        if (e.HasElements || !isValid(e.Value.Trim()))
        {
            // The value is not quoted: it can be personal data.
            problems.Add($"{path}: must be {expected}");
        }
    }

    private delegate void ValueCheck(XElement element, string path, List<string> problems);

    private sealed record Child(string Name, int Min = 0, int Max = 1, ValueCheck? Type = null);
}
