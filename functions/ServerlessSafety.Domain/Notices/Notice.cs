using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Notices;

/// <summary>
/// A message to a reporter about their case, written to the outbox when the case changes and delivered
/// afterwards, so a failed delivery never loses or blocks the change itself.
/// </summary>
public sealed record Notice
{
    /// <summary><c>{caseId}:{kind}</c>: one notice per case and kind, so writing it twice is harmless.</summary>
    public required string Id { get; init; }

    /// <summary>The case.</summary>
    public required string CaseId { get; init; }

    /// <summary>What it is about (<c>received</c>, <c>reminder</c>, <c>escalated</c>, <c>resolved</c>, ...).</summary>
    public required string Kind { get; init; }

    /// <summary>The text the reporter reads.</summary>
    public required string Text { get; init; }

    /// <summary>Where it goes; null when the reporter gave no contact (it is then only on the status page).</summary>
    public ContactChannel? Channel { get; init; }

    /// <summary>Where delivery stands.</summary>
    public NoticeState State { get; init; } = NoticeState.Pending;

    /// <summary>When it was written.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the next delivery attempt is due.</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>Every delivery attempt, oldest first.</summary>
    public IReadOnlyList<NoticeAttempt> Attempts { get; init; } = [];
}

/// <summary>Where a notice's delivery stands.</summary>
public enum NoticeState
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,

    /// <summary>Delivered.</summary>
    Delivered,

    /// <summary>No channel: shown on the status page only.</summary>
    StatusPageOnly,

    /// <summary>Given up after the bound of attempts.</summary>
    Dead,
}

/// <summary>One delivery attempt.</summary>
/// <param name="At">When.</param>
/// <param name="Succeeded">Whether it was delivered.</param>
/// <param name="Outcome">A short description (status code or error kind; never the address).</param>
public sealed record NoticeAttempt(DateTimeOffset At, bool Succeeded, string Outcome);
