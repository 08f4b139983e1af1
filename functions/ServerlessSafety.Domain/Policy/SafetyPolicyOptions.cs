namespace ServerlessSafety.Domain.Policy;

/// <summary>Where the policy file is (configuration section <c>Policy</c>).</summary>
public sealed class SafetyPolicyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Policy";

    /// <summary>The default path, relative to the app's directory: the file copied next to the app.</summary>
    public const string DefaultPath = "policy/safety-policy.yaml";

    /// <summary>The policy file; a relative path is taken from the app's base directory. Default <see cref="DefaultPath"/>.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>The absolute path of the file.</summary>
    public string ResolvePath() => System.IO.Path.GetFullPath(Path, AppContext.BaseDirectory);
}
