using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace ServerlessSafety.Domain.Reporting;

/// <summary>
/// One of NCMEC's XML answers: <c>reportResponse</c> (every call) or <c>reportDoneResponse</c> (a finish).
/// </summary>
/// <param name="Code">The <c>responseCode</c>: <see cref="Success"/>, <see cref="AlreadyFinished"/> or an error.</param>
/// <param name="Description">The <c>responseDescription</c>, when there is one.</param>
/// <param name="ReportId">The <c>reportId</c>, when there is one.</param>
/// <param name="FileId">The <c>fileId</c> of an upload.</param>
/// <param name="Hash">The MD5 NCMEC computed of an upload.</param>
public sealed record CyberTiplineResponse(int Code, string? Description, long? ReportId, string? FileId, string? Hash)
{
    /// <summary>The call succeeded.</summary>
    public const int Success = 0;

    /// <summary>The report was already finished.</summary>
    public const int AlreadyFinished = 5102;

    /// <summary>Parses an answer.</summary>
    /// <exception cref="FormatException">The text is not one of NCMEC's answers.</exception>
    public static CyberTiplineResponse Parse(string xml)
    {
        XElement root;
        try
        {
            root = XDocument.Parse(xml).Root ?? throw new FormatException("Empty response.");
        }
        catch (XmlException e)
        {
            throw new FormatException("The response is not XML.", e);
        }

        if (root.Name.LocalName is not ("reportResponse" or "reportDoneResponse"))
        {
            throw new FormatException($"Unexpected response element '{root.Name.LocalName}'.");
        }

        var code = Child(root, "responseCode") is { } codeText && int.TryParse(codeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new FormatException("The response has no responseCode.");
        var reportId = Child(root, "reportId") is { } idText && long.TryParse(idText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id
            : (long?)null;
        return new CyberTiplineResponse(code, Child(root, "responseDescription"), reportId, Child(root, "fileId"), Child(root, "hash")?.ToLowerInvariant());
    }

    private static string? Child(XElement root, string name)
        => root.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() is { Length: > 0 } value ? value : null;
}
