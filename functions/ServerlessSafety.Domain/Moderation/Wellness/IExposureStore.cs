namespace ServerlessSafety.Domain.Moderation.Wellness;

/// <summary>The moderators' daily exposure counts.</summary>
public interface IExposureStore
{
    /// <summary>The moderator's counts for the day (all zero when nothing was counted).</summary>
    Task<ExposureDay> GetAsync(string moderatorId, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>Counts one more <paramref name="kind"/> for the moderator's day, safely against concurrent counts; returns the new counts.</summary>
    Task<ExposureDay> AddAsync(string moderatorId, DateOnly day, ExposureKind kind, CancellationToken cancellationToken = default);
}
