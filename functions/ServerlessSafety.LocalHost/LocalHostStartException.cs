namespace ServerlessSafety.LocalHost;

/// <summary>The local host refused to start because some functions cannot run; the message names each one and why.</summary>
public sealed class LocalHostStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LocalHostStartException(IReadOnlyList<string> problems)
        : base("The local host cannot run every function, so it did not start:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems))
    {
        Problems = problems;
    }

    /// <summary>One line per problem, each naming its function.</summary>
    public IReadOnlyList<string> Problems { get; }
}
