namespace ServerlessSafety.Domain.Policy;

/// <summary>One thing wrong with a policy file.</summary>
/// <param name="Path">Where in the file, for example <c>categories[sextortion].ladder</c>.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public sealed record PolicyProblem(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
