namespace ServerlessSafety.Domain.Notices;

/// <summary>The outbox of notices.</summary>
public interface INoticeOutbox
{
    /// <summary>Adds a notice unless one with its id is there already.</summary>
    Task AddAsync(Notice notice, CancellationToken cancellationToken = default);

    /// <summary>Pending notices whose next attempt is due at <paramref name="now"/>, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Notice>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Every notice of a case, oldest first.</summary>
    Task<IReadOnlyList<Notice>> ListForCaseAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Saves a notice's new delivery state.</summary>
    Task SaveAsync(Notice notice, CancellationToken cancellationToken = default);
}
