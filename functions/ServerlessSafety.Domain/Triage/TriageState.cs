using System.Security.Cryptography;
using System.Text;
using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Triage;

/// <summary>
/// A fingerprint of what triage looks at in a case (category, minor, account, matches), recorded with each triage so
/// a redelivered message for an unchanged case is recognised and not triaged again.
/// </summary>
public static class TriageState
{
    /// <summary>The timeline kind of a triage entry.</summary>
    public const string EventKind = "triaged";

    private const string Prefix = "state ";

    /// <summary>The fingerprint of a case's triage inputs: 16 hex characters.</summary>
    public static string Of(SafetyCase safetyCase)
    {
        ArgumentNullException.ThrowIfNull(safetyCase);
        var text = new StringBuilder()
            .Append(safetyCase.Category).Append('|').Append(safetyCase.InvolvesMinor).Append('|').Append(safetyCase.Subject.Account).Append('|');
        foreach (var match in safetyCase.Matches.OrderBy(m => m.Bank, StringComparer.Ordinal).ThenBy(m => m.MatchedValue, StringComparer.Ordinal))
        {
            text.Append(match.Bank).Append(':').Append(match.MatchedValue).Append(':').Append(match.BankIsVerified).Append(';');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>The detail text of a triage entry.</summary>
    public static string Detail(string fingerprint, TriageAssessment assessment)
        => $"{Prefix}{fingerprint}; priority {assessment.Priority}; route {assessment.Route}";

    /// <summary>Whether the case was already triaged in its current state.</summary>
    public static bool IsCurrent(SafetyCase safetyCase)
    {
        if (safetyCase.Triage is null)
        {
            return false;
        }

        var last = safetyCase.Timeline.LastOrDefault(e => e.Kind == EventKind);
        return last?.Detail is { } detail && detail.StartsWith(Prefix + Of(safetyCase), StringComparison.Ordinal);
    }
}
