namespace ServerlessSafety.Domain.Reports;

/// <summary>The report categories and their deadlines, as the safety policy defines them.</summary>
public interface IReportCategories
{
    /// <summary>The categories, in the order the report page lists them.</summary>
    IReadOnlyList<ReportCategory> All { get; }

    /// <summary>How long the platform has to resolve a case of <paramref name="category"/>.</summary>
    TimeSpan DeadlineFor(string category, bool involvesMinor);
}

/// <summary>A category as reporters see it.</summary>
/// <param name="Id">Stable id (for example <c>sextortion</c>).</param>
/// <param name="Name">Short name.</param>
/// <param name="Description">One plain sentence.</param>
public sealed record ReportCategory(string Id, string Name, string Description);
