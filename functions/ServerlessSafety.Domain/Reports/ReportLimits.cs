namespace ServerlessSafety.Domain.Reports;

/// <summary>Size limits on every part of a report, so no input can exhaust the service.</summary>
public static class ReportLimits
{
    /// <summary>Largest JSON or form body accepted, in bytes; larger bodies are refused before they are read.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Largest body of the page's form with an evidence file, in bytes.</summary>
    public const int MaxBodyWithEvidenceBytes = MaxEvidenceBytes + MaxBodyBytes;

    /// <summary>Largest evidence file, in bytes.</summary>
    public const int MaxEvidenceBytes = 10 * 1024 * 1024;

    /// <summary>Longest justification, in characters.</summary>
    public const int MaxJustificationLength = 4000;

    /// <summary>Longest URL, account or message field, in characters.</summary>
    public const int MaxFieldLength = 2048;

    /// <summary>Most hashes in one report.</summary>
    public const int MaxHashes = 50;

    /// <summary>Longest Idempotency-Key header, in characters.</summary>
    public const int MaxIdempotencyKeyLength = 200;
}
