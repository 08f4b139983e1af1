using Microsoft.Extensions.Logging;

namespace ServerlessSafety.Domain.Banks.Import;

/// <summary>Applies a hash list to a bank: additions and withdrawals in list order, bad lines counted and reported.</summary>
/// <remarks>
/// Every write is idempotent, so an import stopped half way and run again (from the start or from the last
/// checkpoint) ends in the same state. Withdrawals remove only the membership the same source added.
/// </remarks>
public sealed partial class HashListImporter
{
    /// <summary>How many line errors a summary lists; the count covers them all.</summary>
    public const int MaxErrorsKept = 100;

    private readonly IBankStore _store;
    private readonly BankCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly ILogger<HashListImporter> _logger;

    /// <summary>Creates the importer.</summary>
    public HashListImporter(IBankStore store, BankCatalog catalog, TimeProvider time, ILogger<HashListImporter> logger)
    {
        _store = store;
        _catalog = catalog;
        _time = time;
        _logger = logger;
    }

    /// <summary>Reads <paramref name="source"/> from <paramref name="checkpoint"/> to its end into <paramref name="bank"/>.</summary>
    /// <exception cref="UnknownBankException">The bank is not configured.</exception>
    public async Task<HashListImportSummary> ImportAsync(IHashListSource source, string bank, string? checkpoint = null, CancellationToken cancellationToken = default)
    {
        _catalog.Get(bank);
        int added = 0, withdrawn = 0, unchanged = 0, errorCount = 0;
        var errors = new List<HashListLineError>();
        HashListDelta delta;
        do
        {
            delta = await source.FetchAsync(checkpoint, cancellationToken);
            foreach (var entry in delta.Entries)
            {
                var change = entry.Withdrawn
                    ? await _store.RemoveAsync(entry.Hash, bank, source.Name, cancellationToken)
                    : await _store.AddAsync(entry.Hash, new BankMembership(bank, source.Name, _time.GetUtcNow(), entry.Hash.Quality, null, entry.Metadata), cancellationToken);
                switch (change)
                {
                    case BankedHashChange.Added: added++; break;
                    case BankedHashChange.Withdrawn: withdrawn++; break;
                    default: unchanged++; break;
                }
            }

            errorCount += delta.Errors.Count;
            errors.AddRange(delta.Errors.Take(MaxErrorsKept - errors.Count));
            checkpoint = delta.Checkpoint;
        }
        while (delta.HasMore);

        Log.Imported(_logger, bank, source.Name, added, withdrawn, unchanged, errorCount);
        return new HashListImportSummary(bank, source.Name, added, withdrawn, unchanged, errorCount, errors, checkpoint);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Imported {Source} into bank {Bank}: {Added} added, {Withdrawn} withdrawn, {Unchanged} unchanged, {Errors} bad lines")]
        public static partial void Imported(ILogger logger, string bank, string source, int added, int withdrawn, int unchanged, int errors);
    }
}
