using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Reports;

/// <summary>Puts the hashes of reported content into the hash bank, so the content cannot be uploaded again.</summary>
public interface IReportedContentBank
{
    /// <summary>
    /// Adds the reporter's hashes and the hashes of the case's evidence files; returns every hash added.
    /// Adding the same case again changes nothing.
    /// </summary>
    Task<IReadOnlyList<ContentHash>> AddReportedAsync(SafetyCase safetyCase, CancellationToken cancellationToken = default);
}
