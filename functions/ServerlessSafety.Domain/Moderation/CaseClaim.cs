namespace ServerlessSafety.Domain.Moderation;

/// <summary>A moderator's hold on a case, so that two moderators working one queue never take the same case.</summary>
/// <param name="ModeratorId">Who holds it.</param>
/// <param name="Until">When the lease lapses and the case can be taken by another moderator.</param>
public sealed record CaseClaim(string ModeratorId, DateTimeOffset Until)
{
    /// <summary>How long a claim lasts unless the moderator opens the case again.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    /// <summary>Whether the lease still runs at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => Until > now;

    /// <summary>Whether someone other than <paramref name="moderatorId"/> holds the case at <paramref name="now"/>.</summary>
    public bool BlocksOthersThan(string moderatorId, DateTimeOffset now) => IsActiveAt(now) && ModeratorId != moderatorId;
}
