namespace ServerlessSafety.Domain.Banks;

/// <summary>What a write did to a banked hash.</summary>
public enum BankedHashChange
{
    /// <summary>Nothing: the bank already held the hash from that source, or did not hold it at all.</summary>
    Unchanged,

    /// <summary>A membership was added or refreshed.</summary>
    Added,

    /// <summary>A membership was withdrawn.</summary>
    Withdrawn,
}
