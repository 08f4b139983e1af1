using System.Globalization;
using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Banks;

/// <summary>A process-local <see cref="IBankStore"/> and change feed for unit tests and tools; the app uses Cosmos DB.</summary>
public sealed class InMemoryBankStore : IBankStore, IBankChangeFeed
{
    private const int PageSize = 1000;

    private readonly object _gate = new();
    private readonly Dictionary<string, (BankedHash Hash, long Sequence)> _hashes = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _sequence;

    /// <summary>Creates an empty store.</summary>
    public InMemoryBankStore(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public Task<BankedHash?> GetAsync(string signalType, string value, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_hashes.TryGetValue(BankedHash.IdFor(signalType, value), out var entry) ? entry.Hash : null);
        }
    }

    /// <inheritdoc />
    public Task<BankedHashChange> AddAsync(ContentHash hash, BankMembership membership, CancellationToken cancellationToken = default)
        => Task.FromResult(Change(hash, current =>
        {
            var before = current?.Memberships.FirstOrDefault(m => m.Bank == membership.Bank && m.Source == membership.Source);
            if (before is not null && current is { Withdrawn: false } && before.ClaimsTheSameAs(membership))
            {
                return (current, BankedHashChange.Unchanged);
            }

            var start = current ?? NewHash(hash);
            return (start.WithMembership(membership, _time.GetUtcNow()), BankedHashChange.Added);
        }));

    /// <inheritdoc />
    public Task<BankedHashChange> RemoveAsync(ContentHash hash, string bank, string? source = null, CancellationToken cancellationToken = default)
        => Task.FromResult(Change(hash, current =>
            current is null || !current.Memberships.Any(m => m.Bank == bank && (source is null || m.Source == source))
                ? (current, BankedHashChange.Unchanged)
                : (current.WithoutMembership(bank, source, _time.GetUtcNow()), BankedHashChange.Withdrawn)));

    /// <inheritdoc />
    public Task<BankChangePage> ReadChangesAsync(string? checkpoint, CancellationToken cancellationToken = default)
    {
        var after = checkpoint is null ? 0 : long.Parse(checkpoint, CultureInfo.InvariantCulture);
        lock (_gate)
        {
            var changes = _hashes.Values.Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(PageSize).ToList();
            var last = changes.Count > 0 ? changes[^1].Sequence : Math.Max(after, 0);
            return Task.FromResult(new BankChangePage(
                changes.Select(c => c.Hash).ToList(),
                last.ToString(CultureInfo.InvariantCulture),
                CaughtUp: last == _sequence));
        }
    }

    private static BankedHash NewHash(ContentHash hash) => new()
    {
        Id = BankedHash.IdFor(hash.SignalType, hash.Value),
        SignalType = hash.SignalType,
        Value = hash.Value,
        UpdatedAt = DateTimeOffset.MinValue,
    };

    private BankedHashChange Change(ContentHash hash, Func<BankedHash?, (BankedHash? Next, BankedHashChange Change)> change)
    {
        var id = BankedHash.IdFor(hash.SignalType, hash.Value);
        lock (_gate)
        {
            var current = _hashes.TryGetValue(id, out var entry) ? entry.Hash : null;
            var (next, outcome) = change(current);
            if (outcome != BankedHashChange.Unchanged && next is not null)
            {
                _hashes[id] = (next, ++_sequence);
            }

            return outcome;
        }
    }
}
