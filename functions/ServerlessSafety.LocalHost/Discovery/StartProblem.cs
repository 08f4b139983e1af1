namespace ServerlessSafety.LocalHost.Discovery;

/// <summary>Why one function cannot run here.</summary>
/// <param name="FunctionName">The function's name.</param>
/// <param name="Reason">What is wrong, completing "Function 'X' ...".</param>
internal sealed record StartProblem(string FunctionName, string Reason)
{
    public override string ToString() => $"Function '{FunctionName}' {Reason}.";
}
