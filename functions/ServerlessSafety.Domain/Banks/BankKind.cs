namespace ServerlessSafety.Domain.Banks;

/// <summary>What a bank holds, which decides what a match against it means.</summary>
public enum BankKind
{
    /// <summary>Material verified by a trusted authority (for example NCMEC's list); a match may skip review.</summary>
    Verified,

    /// <summary>Hashes of content victims reported here; a match opens a case for review.</summary>
    Reported,

    /// <summary>Hashes imported from a partner's list (for example StopNCII); a match opens a case for review.</summary>
    Imported,

    /// <summary>Known false positives: a match here cancels the other banks' matches of the same signal type.</summary>
    Suppression,
}
