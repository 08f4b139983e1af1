namespace ServerlessSafety.Domain.Policy;

/// <summary>One category of abuse: what it is, how fast it is handled and what the offender faces.</summary>
/// <param name="Id">A stable id (<c>sextortion</c>, <c>ncii</c>, <c>csam</c>, <c>harassment</c>, <c>other</c>); cases carry it.</param>
/// <param name="Name">The name users read.</param>
/// <param name="Prohibited">What the category prohibits, in plain words.</param>
/// <param name="Severity">1 (least) to 5 (most severe).</param>
/// <param name="ResolveWithin">The resolution deadline from the time a case is opened; at most 48 hours.</param>
/// <param name="NcmecReport">When a CyberTipline report is required.</param>
/// <param name="Ladder">The consequences for an offender, first offence first; the last step repeats.</param>
/// <param name="Victim">What a victim is told to do.</param>
public sealed record PolicyCategory(
    string Id,
    string Name,
    string Prohibited,
    int Severity,
    TimeSpan ResolveWithin,
    NcmecReportRule NcmecReport,
    IReadOnlyList<ConsequenceStep> Ladder,
    VictimGuidance Victim)
{
    /// <summary>Whether a case of this category must be reported to NCMEC's CyberTipline.</summary>
    /// <param name="involvesMinor">Whether anyone involved is, or may be, under 18.</param>
    public bool RequiresNcmecReport(bool involvesMinor) => NcmecReport switch
    {
        NcmecReportRule.Always => true,
        NcmecReportRule.WhenMinorInvolved => involvesMinor,
        _ => false,
    };

    /// <summary>The step an offender with <paramref name="standingStrikes"/> earlier strikes gets next.</summary>
    public ConsequenceStep StepAfter(int standingStrikes)
        => Ladder[Math.Clamp(standingStrikes, 0, Ladder.Count - 1)];
}
