using System.ComponentModel.DataAnnotations;

namespace ServerlessSafety.Domain.Banks;

/// <summary>One configured bank: its name, what it holds and how closely a PDQ hash must match it.</summary>
public sealed class BankDefinition
{
    /// <summary>The bank name, as stored on each hash's membership (for example <c>stopncii</c>).</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,62}$", ErrorMessage = "Bank names are lower-case letters, digits and dashes.")]
    public string Name { get; set; } = string.Empty;

    /// <summary>
    /// Whether the bank is matched on. A disabled bank keeps its hashes and still takes imports, but matches
    /// nothing: the way to take a misbehaving list out of service without losing it. Default true.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>What the bank holds.</summary>
    public BankKind Kind { get; set; } = BankKind.Imported;

    /// <summary>
    /// The largest Hamming distance at which a PDQ hash matches this bank. Default 31, the threshold
    /// Meta recommends; the index is exact up to 31, so larger values are refused.
    /// </summary>
    [Range(0, HashMatchingOptions.MaxPdqRadius)]
    public int PdqThreshold { get; set; } = HashMatchingOptions.MaxPdqRadius;

    /// <summary>
    /// PDQ quality below which this bank's hashes and the upload's hash are not matched on; null takes
    /// <see cref="HashMatchingOptions.MinimumQuality"/>.
    /// </summary>
    [Range(0, 100)]
    public int? MinimumQuality { get; set; }

    /// <summary>The policy category of a case opened by a match (for example <c>ncii</c> or <c>csam</c>).</summary>
    [Required]
    public string Category { get; set; } = "ncii";
}
