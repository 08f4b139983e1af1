using System.ComponentModel.DataAnnotations;

namespace ServerlessSafety.Domain.Screening;

/// <summary>The <c>Screening</c> configuration section: limits on uploads and what to do with unhashable ones.</summary>
public sealed class ScreeningOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Screening";

    /// <summary>Largest upload read, in bytes; a larger one is unhashable (and still has its size recorded). Default 50 MiB.</summary>
    [Range(1, 1L << 32)]
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>What happens to an upload that cannot be hashed. Default <see cref="UnhashableHandling.Quarantine"/>.</summary>
    public UnhashableHandling Unhashable { get; set; } = UnhashableHandling.Quarantine;

    /// <summary>The policy category of a case whose bank does not name one. Default <c>ncii</c>.</summary>
    [Required]
    public string DefaultCategory { get; set; } = "ncii";
}
