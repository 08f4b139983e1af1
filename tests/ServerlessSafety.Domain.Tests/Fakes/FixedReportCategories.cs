using ServerlessSafety.Domain.Reports;

namespace ServerlessSafety.Domain.Tests.Fakes;

public sealed class FixedReportCategories : IReportCategories
{
    public IReadOnlyList<ReportCategory> All { get; } =
    [
        new("sextortion", "Sextortion", "Threats to share intimate images."),
        new("ncii", "Intimate images shared without consent", "NCII."),
        new("csam", "A child is involved", "CSAM."),
        new("harassment", "Harassment", "Harassment."),
        new("other", "Something else", "Other."),
    ];

    public TimeSpan DeadlineFor(string category, bool involvesMinor) => category == "sextortion" ? TimeSpan.FromHours(24) : TimeSpan.FromHours(48);
}
