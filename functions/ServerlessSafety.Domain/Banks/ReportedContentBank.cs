using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Reports;

namespace ServerlessSafety.Domain.Banks;

/// <summary>Puts the hashes of a reported case into the <c>reported</c> bank, each membership naming the case.</summary>
public sealed class ReportedContentBank : IReportedContentBank
{
    /// <summary>The bank reported content goes to.</summary>
    public const string BankName = "reported";

    /// <summary>The membership source of hashes that came from a case.</summary>
    public const string CaseSource = "case";

    private readonly IBankStore _store;
    private readonly TimeProvider _time;

    /// <summary>Creates the bank writer.</summary>
    public ReportedContentBank(IBankStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ContentHash>> AddReportedAsync(SafetyCase safetyCase, CancellationToken cancellationToken = default)
    {
        var hashes = safetyCase.Hashes
            .Concat(safetyCase.Files.SelectMany(f => new[] { new ContentHash(BankSignalTypes.Sha256, f.Sha256), new ContentHash(BankSignalTypes.Md5, f.Md5) }))
            .Select(h => BankSignalTypes.Normalize(h.SignalType, h.Value, out _) is { } value ? h with { Value = value } : null)
            .OfType<ContentHash>()
            .DistinctBy(h => (h.SignalType, h.Value))
            .ToList();
        var now = _time.GetUtcNow();
        foreach (var hash in hashes)
        {
            var membership = new BankMembership(BankName, CaseSource, now, hash.Quality, safetyCase.Id, new Dictionary<string, string> { ["category"] = safetyCase.Category });
            await _store.AddAsync(hash, membership, cancellationToken);
        }

        return hashes;
    }
}
