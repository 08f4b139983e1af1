namespace ServerlessSafety.Domain.Banks;

/// <summary>
/// One hash value and every bank that holds it: the document stored in Cosmos DB container <c>hashes</c>
/// under id <c>{signalType}:{value}</c>, so an exact hash is found by one point read.
/// </summary>
/// <remarks>
/// When the last membership is withdrawn the document is not deleted but marked <see cref="Withdrawn"/> with a
/// <see cref="Ttl"/>: the change feed shows updates, never deletes, and the tombstone is how every in-memory
/// index learns to drop the hash before Cosmos DB purges it.
/// </remarks>
public sealed record BankedHash
{
    /// <summary>How long a tombstone stays readable: far longer than any index lags behind the change feed.</summary>
    public static readonly TimeSpan TombstoneLifetime = TimeSpan.FromDays(7);

    /// <summary>The document id, <c>{signalType}:{value}</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The signal type name: <c>pdq</c>, <c>md5</c> or <c>sha256</c>.</summary>
    public required string SignalType { get; init; }

    /// <summary>The normalized value (lower-case hex).</summary>
    public required string Value { get; init; }

    /// <summary>The banks holding the hash; empty once withdrawn.</summary>
    public IReadOnlyList<BankMembership> Memberships { get; init; } = [];

    /// <summary>Whether every membership was withdrawn: the hash matches nothing.</summary>
    public bool Withdrawn { get; init; }

    /// <summary>Seconds until Cosmos DB deletes the document (tombstones only); null keeps it.</summary>
    public int? Ttl { get; init; }

    /// <summary>When the document last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The document id of a hash.</summary>
    public static string IdFor(string signalType, string value) => $"{signalType}:{value}";

    /// <summary>Adds (or refreshes) the membership of <paramref name="membership"/>'s bank and source.</summary>
    public BankedHash WithMembership(BankMembership membership, DateTimeOffset now)
    {
        var existing = Memberships.FirstOrDefault(m => m.Bank == membership.Bank && m.Source == membership.Source);
        var kept = Memberships.Where(m => !(m.Bank == membership.Bank && m.Source == membership.Source));
        // Keep the first time the bank saw the hash: re-importing a list must not make old hashes look new.
        var merged = existing is null ? membership : membership with { AddedAt = existing.AddedAt };
        return this with { Memberships = [.. kept, merged], Withdrawn = false, Ttl = null, UpdatedAt = now };
    }

    /// <summary>Removes <paramref name="bank"/>'s memberships (from <paramref name="source"/> only, when given); the last one leaves a tombstone.</summary>
    public BankedHash WithoutMembership(string bank, string? source, DateTimeOffset now)
    {
        var kept = Memberships.Where(m => !(m.Bank == bank && (source is null || m.Source == source))).ToList();
        return kept.Count == 0
            ? this with { Memberships = [], Withdrawn = true, Ttl = (int)TombstoneLifetime.TotalSeconds, UpdatedAt = now }
            : this with { Memberships = kept, UpdatedAt = now };
    }

    /// <summary>Whether <paramref name="bank"/> holds the hash.</summary>
    public bool IsIn(string bank) => Memberships.Any(m => m.Bank == bank);
}
