using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.DependencyInjection;
using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Domain.Tests.Policy;

public sealed class PolicyRegistrationTests
{
    private static ServiceProvider Build(string path)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Policy:Path"] = path }).Build();
        return new ServiceCollection().AddSafetyPolicy(configuration).AddSafetyPolicy(configuration).BuildServiceProvider();
    }

    [Fact]
    public void AddSafetyPolicy_ConfiguredPath_ServesThePolicy()
    {
        using var services = Build(RepositoryPolicy.Path);

        Assert.Equal("Example Platform", services.GetRequiredService<SafetyPolicy>().PlatformName);
        Assert.Same(services.GetRequiredService<SafetyPolicy>(), services.GetRequiredService<SafetyPolicy>());
    }

    [Fact]
    public void AddSafetyPolicy_BrokenFile_FailsTheStartCheckWithTheProblem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broken-policy-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, RepositoryPolicy.Text.Replace("ncmecReport: always", "ncmecReport: never", StringComparison.Ordinal));
        try
        {
            using var services = Build(path);

            // ValidateOnStart runs this validation when the host starts.
            var error = Assert.Throws<SafetyPolicyException>(() => services.GetRequiredService<IOptions<SafetyPolicyOptions>>().Value);
            Assert.Contains("categories[csam].ncmecReport", error.Message);
            Assert.Contains(path, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
