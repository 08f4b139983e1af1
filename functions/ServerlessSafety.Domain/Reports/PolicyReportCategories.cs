using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Domain.Reports;

/// <summary>The report categories and deadlines of the safety policy, so the report page and triage agree.</summary>
public sealed class PolicyReportCategories : IReportCategories
{
    private readonly SafetyPolicy _policy;
    private readonly TimeSpan? _deadlineOverride;

    /// <summary>Creates the catalog from the policy; a configured override replaces every deadline (local demos, tests).</summary>
    public PolicyReportCategories(SafetyPolicy policy, IOptions<ReportsOptions> options)
    {
        _policy = policy;
        _deadlineOverride = options.Value.DeadlineOverride;
        All = policy.Categories.Select(c => new ReportCategory(c.Id, c.Name, c.Prohibited)).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<ReportCategory> All { get; }

    /// <inheritdoc />
    public TimeSpan DeadlineFor(string category, bool involvesMinor)
        => _deadlineOverride ?? _policy.GetCategory(category).ResolveWithin;
}
