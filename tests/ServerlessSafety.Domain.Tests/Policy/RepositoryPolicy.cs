using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Domain.Tests.Policy;

/// <summary>The repository's policy file, found by walking up from the test binaries.</summary>
public static class RepositoryPolicy
{
    private static readonly Lazy<string> FilePath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "policy", "safety-policy.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("policy/safety-policy.yaml not found above the test directory.");
    });

    private static readonly Lazy<SafetyPolicy> Loaded = new(() => SafetyPolicyLoader.LoadFile(Path));

    public static string Path => FilePath.Value;

    public static string Text => File.ReadAllText(Path);

    public static SafetyPolicy Policy => Loaded.Value;
}
