namespace ServerlessSafety.Domain.Screening;

/// <summary>What happens to an upload that cannot be hashed.</summary>
public enum UnhashableHandling
{
    /// <summary>Held in quarantine for review: nothing unscreened is published. The default.</summary>
    Quarantine,

    /// <summary>Left public, screened by its MD5 and SHA-256 only.</summary>
    Publish,
}
