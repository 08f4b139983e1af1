using System.Globalization;

namespace ServerlessSafety.Domain.Moderation.Wellness;

/// <summary>What one moderator was exposed to on one UTC day.</summary>
/// <param name="Id">The moderator and the day.</param>
/// <param name="ModeratorId">Who.</param>
/// <param name="Day">The UTC day, yyyy-MM-dd.</param>
/// <param name="CasesOpened">Case pages opened.</param>
/// <param name="FilesRevealed">Images, videos and recordings revealed unblurred.</param>
/// <param name="Decisions">Decisions recorded.</param>
public sealed record ExposureDay(string Id, string ModeratorId, string Day, int CasesOpened, int FilesRevealed, int Decisions)
{
    /// <summary>A day with nothing counted yet.</summary>
    public static ExposureDay Empty(string moderatorId, DateOnly day)
    {
        var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ExposureDay($"{moderatorId}:{text}", moderatorId, text, 0, 0, 0);
    }

    /// <summary>The day with one more <paramref name="kind"/>.</summary>
    public ExposureDay Plus(ExposureKind kind) => kind switch
    {
        ExposureKind.CaseOpened => this with { CasesOpened = CasesOpened + 1 },
        ExposureKind.FileRevealed => this with { FilesRevealed = FilesRevealed + 1 },
        _ => this with { Decisions = Decisions + 1 },
    };
}
