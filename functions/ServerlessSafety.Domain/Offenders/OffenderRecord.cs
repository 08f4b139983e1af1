using System.Security.Cryptography;
using System.Text;

namespace ServerlessSafety.Domain.Offenders;

/// <summary>
/// Everything the platform decided about one reported account: its cases, its strikes with the consequence applied
/// at each step of the ladder, and its appeals.
/// </summary>
/// <remarks>Records are immutable values; <see cref="OffenderLadder"/> computes the next one.</remarks>
public sealed record OffenderRecord
{
    /// <summary>The record's id: SHA-256 of the account, hex, so account names never become document ids or log lines.</summary>
    public required string Id { get; init; }

    /// <summary>The account as the platform names it.</summary>
    public required string Account { get; init; }

    /// <summary>Ids of the cases decided about this account, oldest first.</summary>
    public IReadOnlyList<string> CaseIds { get; init; } = [];

    /// <summary>Strikes, oldest first; overturned ones stay on record but no longer count.</summary>
    public IReadOnlyList<OffenderStrike> Strikes { get; init; } = [];

    /// <summary>Appeals, oldest first.</summary>
    public IReadOnlyList<OffenderAppeal> Appeals { get; init; } = [];

    /// <summary>Strikes that still count (not overturned on appeal).</summary>
    public int StandingStrikes => Strikes.Count(s => !s.Overturned);

    /// <summary>A new, empty record for an account.</summary>
    public static OffenderRecord For(string account) => new() { Id = IdFor(account), Account = account };

    /// <summary>The record id of an account.</summary>
    public static string IdFor(string account)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(account.Trim())));
    }

    /// <summary>The strike recorded for a case, if any.</summary>
    public OffenderStrike? StrikeFor(string caseId) => Strikes.FirstOrDefault(s => s.CaseId == caseId);
}
