using ServerlessSafety.Domain.Content;

namespace ServerlessSafety.Domain.Evidence;

/// <summary>
/// Where a case's evidence lives in the <c>evidence</c> container, the same in Azure (immutable for a year) and locally:
/// <c>cases/{caseId}/case.json</c>, <c>cases/{caseId}/report.xml</c>, <c>cases/{caseId}/files/{sha256}</c> with a
/// <c>.custody.json</c> record beside each, and <c>cases/{caseId}/exports/</c> for the record of each export.
/// </summary>
public static class EvidenceLayout
{
    /// <summary>The suffix of a chain-of-custody record.</summary>
    public const string CustodySuffix = ".custody.json";

    /// <summary>The prefix of everything kept for a case.</summary>
    public static string CasePrefix(string caseId) => $"cases/{caseId}/";

    /// <summary>A preserved file.</summary>
    public static BlobLocation File(string caseId, string sha256) => new(ContentContainers.Evidence, $"{CasePrefix(caseId)}files/{sha256}");

    /// <summary>The case record as it was when the evidence was preserved.</summary>
    public static BlobLocation CaseRecord(string caseId) => new(ContentContainers.Evidence, $"{CasePrefix(caseId)}case.json");

    /// <summary>The report document exactly as submitted.</summary>
    public static BlobLocation Report(string caseId) => new(ContentContainers.Evidence, $"{CasePrefix(caseId)}report.xml");

    /// <summary>The file details document of a file exactly as sent.</summary>
    public static BlobLocation FileDetails(string caseId, string sha256) => new(ContentContainers.Evidence, $"{CasePrefix(caseId)}files/{sha256}.fileinfo.xml");

    /// <summary>The chain-of-custody record beside <paramref name="blob"/>.</summary>
    public static BlobLocation Custody(BlobLocation blob) => blob with { Name = blob.Name + CustodySuffix };

    /// <summary>The record of one export.</summary>
    public static BlobLocation Export(string caseId, DateTimeOffset at, string exportId)
        => new(ContentContainers.Evidence, $"{CasePrefix(caseId)}exports/{at.UtcDateTime:yyyyMMddTHHmmssZ}-{exportId}.json");
}
