namespace ServerlessSafety.Domain.Reports;

/// <summary>What became of a submission. Expected outcomes are values; only broken services throw.</summary>
public abstract record ReportIntakeResult
{
    /// <summary>Stored and queued; the token is shown to the reporter once.</summary>
    /// <param name="CaseId">The case reference.</param>
    /// <param name="StatusToken">The status token.</param>
    /// <param name="Replayed">Whether this answers a retry of an earlier submission with the same Idempotency-Key.</param>
    public sealed record Accepted(string CaseId, string StatusToken, bool Replayed) : ReportIntakeResult;

    /// <summary>Refused: the fields that are wrong and why.</summary>
    public sealed record Invalid(ValidationErrors Errors) : ReportIntakeResult;

    /// <summary>Refused: too many reports from this client; try again after the delay.</summary>
    public sealed record RateLimited(TimeSpan RetryAfter) : ReportIntakeResult;

    /// <summary>Refused: the Idempotency-Key was used before with a different report.</summary>
    public sealed record KeyReused : ReportIntakeResult;
}
