using System.ComponentModel.DataAnnotations;

namespace ServerlessSafety.Domain.Banks;

/// <summary>
/// The <c>HashMatching</c> configuration section: which banks exist and how they match. Validated at start,
/// so a bad threshold stops the app instead of silently matching too much or too little.
/// </summary>
/// <remarks>
/// Banks live in configuration, not in Cosmos DB: they are policy, changed by a reviewed deployment and known
/// before the first upload arrives, while the hashes in them are data that changes by the second.
/// </remarks>
public sealed class HashMatchingOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "HashMatching";

    /// <summary>The largest PDQ radius the index answers exactly.</summary>
    public const int MaxPdqRadius = 31;

    /// <summary>The largest radius any bank is queried at. Default 31.</summary>
    [Range(0, MaxPdqRadius)]
    public int Radius { get; set; } = MaxPdqRadius;

    /// <summary>PDQ hashes of lower quality are not matched on (MD5 and SHA-256 still are). Default 50.</summary>
    [Range(0, 100)]
    public int MinimumQuality { get; set; } = 50;

    /// <summary>The banks; when none are configured, <see cref="BankCatalog.DefaultBanks"/> apply.</summary>
    public List<BankDefinition> Banks { get; set; } = [];

    /// <summary>How often the in-memory PDQ index reads the bank's change feed. Default 2 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);
}
