using Microsoft.Extensions.Options;

namespace ServerlessSafety.Domain.Banks;

/// <summary>The configured banks by name, with the effective threshold and quality floor of each.</summary>
public sealed class BankCatalog
{
    private readonly Dictionary<string, BankDefinition> _banks;
    private readonly int _defaultMinimumQuality;

    /// <summary>Builds the catalog from the options; the defaults apply when no bank is configured.</summary>
    /// <exception cref="InvalidOperationException">Two banks share a name, or a threshold exceeds the radius.</exception>
    public BankCatalog(IOptions<HashMatchingOptions> options)
    {
        var value = options.Value;
        var banks = value.Banks.Count > 0 ? value.Banks : DefaultBanks();
        _banks = new Dictionary<string, BankDefinition>(StringComparer.Ordinal);
        foreach (var bank in banks)
        {
            if (!_banks.TryAdd(bank.Name, bank))
            {
                throw new InvalidOperationException($"HashMatching: bank '{bank.Name}' is configured twice.");
            }

            if (bank.PdqThreshold > value.Radius)
            {
                throw new InvalidOperationException($"HashMatching: bank '{bank.Name}' has PdqThreshold {bank.PdqThreshold}, above Radius {value.Radius}.");
            }
        }

        _defaultMinimumQuality = value.MinimumQuality;
        var enabled = _banks.Values.Where(b => b.Enabled).ToList();
        Radius = enabled.Count == 0 ? 0 : enabled.Max(b => b.PdqThreshold);
        // Above any quality: with every bank disabled no PDQ lookup is made at all.
        LowestMinimumQuality = enabled.Count == 0 ? 101 : enabled.Min(MinimumQualityOf);
    }

    /// <summary>The radius the PDQ index is queried at: the largest threshold of any enabled bank.</summary>
    public int Radius { get; }

    /// <summary>Every configured bank.</summary>
    public IReadOnlyCollection<BankDefinition> Banks => _banks.Values;

    /// <summary>The lowest PDQ quality any enabled bank matches on; uploads below it skip the PDQ index.</summary>
    public int LowestMinimumQuality { get; }

    /// <summary>The banks used when configuration names none: reported, StopNCII and NCMEC.</summary>
    public static List<BankDefinition> DefaultBanks() =>
    [
        new() { Name = "reported", Kind = BankKind.Reported, Category = "ncii" },
        new() { Name = "stopncii", Kind = BankKind.Imported, Category = "ncii" },
        new() { Name = "ncmec", Kind = BankKind.Verified, Category = "csam" },
    ];

    /// <summary>The bank of that name, or null when it is not configured.</summary>
    public BankDefinition? Find(string name) => _banks.GetValueOrDefault(name);

    /// <summary>The bank of that name when it is configured and enabled, or null: the banks a match may name.</summary>
    public BankDefinition? FindMatching(string name) => Find(name) is { Enabled: true } bank ? bank : null;

    /// <summary>The bank of that name.</summary>
    /// <exception cref="UnknownBankException">It is not configured.</exception>
    public BankDefinition Get(string name) => Find(name) ?? throw new UnknownBankException(name);

    /// <summary>The quality floor that applies to <paramref name="bank"/>.</summary>
    public int MinimumQualityOf(BankDefinition bank) => bank.MinimumQuality ?? _defaultMinimumQuality;
}
