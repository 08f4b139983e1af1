namespace ServerlessSafety.Domain.Policy;

/// <summary>The policy file is missing or invalid; the app must not start with it.</summary>
public sealed class SafetyPolicyException : Exception
{
    /// <summary>Creates the exception for a file and its problems.</summary>
    public SafetyPolicyException(string source, IReadOnlyList<PolicyProblem> problems, Exception? inner = null)
        : base(Describe(source, problems), inner)
    {
        Source = source;
        Problems = problems;
    }

    /// <summary>The file (or other source) that was read.</summary>
    public new string Source { get; }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<PolicyProblem> Problems { get; }

    private static string Describe(string source, IReadOnlyList<PolicyProblem> problems)
        => $"The safety policy {source} is invalid ({problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}):"
            + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p));
}
