using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Moderation.Queue;

/// <summary>
/// A case as the moderators' queue view keeps it, made from the case's change feed: what orders and filters the queue
/// and nothing of the content, so the queue is read without touching the cases.
/// </summary>
public sealed record QueueEntry
{
    /// <summary>The rank of a case not triaged yet: above every triage priority, so it is looked at, not lost.</summary>
    public const int UntriagedRank = 1000;

    /// <summary>How long a closed entry stays (seconds): long past any change still on its way, then the view forgets it.</summary>
    public const int ClosedEntryLifetimeSeconds = 30 * 24 * 3600;

    /// <summary>The case id.</summary>
    public required string Id { get; init; }

    /// <summary>The case's <see cref="SafetyCase.Revision"/> this entry was made from.</summary>
    public required long Revision { get; init; }

    /// <summary>Whether the case is still open; resolved cases stay as closed entries so a late, older change cannot reopen them.</summary>
    public required bool IsOpen { get; init; }

    /// <summary>What the queue orders by first (descending): the triage priority, or <see cref="UntriagedRank"/>.</summary>
    public required int Rank { get; init; }

    /// <summary>The policy category id.</summary>
    public required string Category { get; init; }

    /// <summary>The triage priority, null before triage.</summary>
    public int? Priority { get; init; }

    /// <summary>Where the case stands.</summary>
    public required CaseStatus Status { get; init; }

    /// <summary>Where triage sent it.</summary>
    public TriageRoute? Route { get; init; }

    /// <summary>How it began.</summary>
    public required CaseOrigin Origin { get; init; }

    /// <summary>The deadline; the queue orders by it second (ascending).</summary>
    public required DateTimeOffset DueBy { get; init; }

    /// <summary>How many hash-bank matches it has.</summary>
    public int MatchCount { get; init; }

    /// <summary>Whether a minor is or may be involved.</summary>
    public bool InvolvesMinor { get; init; }

    /// <summary>The reported account, for the queue's account filter.</summary>
    public string? Account { get; init; }

    /// <summary>Whether it holds images or video: a moderator past the day's exposure limit is not handed these.</summary>
    public bool HasGraphicMedia { get; init; }

    /// <summary>The claim on the case when the entry was made.</summary>
    public CaseClaim? Claim { get; init; }

    /// <summary>Seconds until the store removes a closed entry (Cosmos DB <c>ttl</c>); none while the case is open.</summary>
    public int? Ttl { get; init; }

    /// <summary>The entry of <paramref name="safetyCase"/> at its current revision.</summary>
    public static QueueEntry From(SafetyCase safetyCase)
    {
        ArgumentNullException.ThrowIfNull(safetyCase);
        return new QueueEntry
        {
            Id = safetyCase.Id,
            Revision = safetyCase.Revision,
            IsOpen = !safetyCase.IsResolved,
            Rank = safetyCase.Triage?.Priority ?? UntriagedRank,
            Category = safetyCase.Category,
            Priority = safetyCase.Triage?.Priority,
            Status = safetyCase.Status,
            Route = safetyCase.Triage?.Route,
            Origin = safetyCase.Origin,
            DueBy = safetyCase.DueBy.ToUniversalTime(),
            MatchCount = safetyCase.Matches.Count,
            InvolvesMinor = safetyCase.InvolvesMinor,
            Account = safetyCase.Subject.Account,
            HasGraphicMedia = safetyCase.Files.Any(f => f.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || f.ContentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase)),
            Claim = safetyCase.Claim,
            Ttl = safetyCase.IsResolved ? ClosedEntryLifetimeSeconds : null,
        };
    }
}
