namespace ServerlessSafety.Domain.Screening;

/// <summary>Screening records by upload.</summary>
public interface IScreeningStore
{
    /// <summary>The record of the upload with key <paramref name="id"/>, or null.</summary>
    Task<ScreeningRecord?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Writes the record, replacing an earlier one of the same upload.</summary>
    Task SaveAsync(ScreeningRecord record, CancellationToken cancellationToken = default);
}
