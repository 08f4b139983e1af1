namespace ServerlessSafety.Domain.Cases;

/// <summary>Cases by id: create once, read, change under an optimistic concurrency check.</summary>
public interface ICaseStore
{
    /// <summary>Stores a new case. Returns false when a case with that id already exists.</summary>
    Task<bool> TryCreateAsync(SafetyCase safetyCase, CancellationToken cancellationToken = default);

    /// <summary>Reads a case, or null when there is none.</summary>
    Task<SafetyCase?> GetAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored case and saves it, one <see cref="SafetyCase.Revision"/> later, if nobody changed it meanwhile;
    /// on a conflict it rereads and applies the change again, so the change must be a pure function of the case.
    /// Returns the saved case, or null when the case does not exist.
    /// </summary>
    Task<SafetyCase?> UpdateAsync(string caseId, Func<SafetyCase, SafetyCase> change, CancellationToken cancellationToken = default);
}
