namespace ServerlessSafety.Domain.Banks.Import;

/// <summary>A line of a hash list that could not be used, and why. The rest of the list is still imported.</summary>
/// <param name="Line">The line number (1-based).</param>
/// <param name="Problem">What is wrong, without echoing the line.</param>
public sealed record HashListLineError(int Line, string Problem)
{
    /// <inheritdoc />
    public override string ToString() => $"line {Line}: {Problem}";
}
