namespace ServerlessSafety.Domain.Evidence;

/// <summary>Evidence is missing or its bytes do not match the hashes the case recorded. Retrying cannot help.</summary>
public sealed class EvidenceIntegrityException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EvidenceIntegrityException(string caseId, string location, string problem)
        : base($"Evidence of case {caseId} at {location}: {problem}")
    {
        CaseId = caseId;
        Location = location;
    }

    /// <summary>The case.</summary>
    public string CaseId { get; }

    /// <summary>The blob concerned.</summary>
    public string Location { get; }
}
