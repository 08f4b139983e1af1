namespace ServerlessSafety.Domain.Policy;

/// <summary>The points each factor adds to a case's priority. Higher priority is worked first.</summary>
/// <param name="Severity">Points per severity level of the category (1-5).</param>
/// <param name="MinorInvolved">Points when anyone involved is, or may be, under 18.</param>
/// <param name="VerifiedBankMatch">Points when the content matched a verified bank.</param>
/// <param name="BankMatch">Points when it matched only banks that are not verified.</param>
/// <param name="PriorStrike">Points per standing strike of the reported account.</param>
/// <param name="PriorStrikesCounted">At most this many strikes count.</param>
/// <param name="DeadlineSoon">Points when less than <paramref name="DeadlineSoonWithin"/> is left.</param>
/// <param name="DeadlineSoonWithin">What counts as close to the deadline.</param>
/// <param name="Overdue">Points when the deadline has passed.</param>
public sealed record TriageWeights(
    int Severity,
    int MinorInvolved,
    int VerifiedBankMatch,
    int BankMatch,
    int PriorStrike,
    int PriorStrikesCounted,
    int DeadlineSoon,
    TimeSpan DeadlineSoonWithin,
    int Overdue);
