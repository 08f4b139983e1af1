using ServerlessSafety.LocalHost.Tests.Unsupported;

namespace ServerlessSafety.LocalHost.Tests;

public sealed class StartCheckTests
{
    // Nothing is contacted before the check fails; the development-storage shorthand only has to parse.
    private static readonly Dictionary<string, string?> Settings = new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" };

    [Fact]
    public async Task Start_WithFunctionsItCannotRun_RefusesNamingEachFunctionAndWhy()
    {
        var error = await Assert.ThrowsAsync<LocalHostStartException>(() =>
            InProcessLocalHost.StartAsync(typeof(UnsupportedFunctions).Assembly, (_, _) => { }, Settings));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("Function 'CustomTriggered' uses the trigger CustomTriggerAttribute, which the local host does not support", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Function 'UnboundParameter' has the parameter 'size' of type Int32, which the local host cannot bind", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Function 'MissingConnection' reads blobs through the connection 'Nowhere', which is not configured", StringComparison.Ordinal));
        Assert.StartsWith("The local host cannot run every function, so it did not start:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckFunctions_ReportsTheSameProblems_AndStartsNothing()
    {
        await using var host = new LocalFunctionHost(new LocalFunctionHostOptions
        {
            FunctionsAssembly = typeof(UnsupportedFunctions).Assembly,
            ConfigureServices = (_, _) => { },
            LocalSettingsPath = Path.Combine(Path.GetTempPath(), "absent-" + Guid.NewGuid().ToString("N") + ".json"),
            Settings = Settings,
        });

        var problems = await host.CheckFunctionsAsync();

        Assert.Equal(["CustomTriggered", "MissingConnection", "UnboundParameter"], problems.Select(p => p.Split('\'')[1]).Order());
        Assert.Null(host.BaseAddress);
    }
}
