using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessSafety.Functions;
using Xunit;

namespace ServerlessSafety.Functions.Tests;

/// <summary>The app's one registration builds a graph in which every function class can be created.</summary>
public sealed class AppRegistrationTests
{
    [Fact]
    public async Task AddServerlessSafetyApp_EveryFunctionClass_CanBeCreated()
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Uploads"] = "UseDevelopmentStorage=true",
            ["ServiceBus"] = "Endpoint=sb://127.0.0.1:5672;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=a2V5;UseDevelopmentEmulator=true;",
            ["CosmosDb"] = "AccountEndpoint=http://127.0.0.1:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==;",
            ["Reports:StatusTokenKey"] = key,
            ["Notices:WebhookSecret"] = key,
            ["Enforcement:WebhookSecret"] = key,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddServerlessSafetyApp(configuration);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        var functionClasses = typeof(ServerlessSafetyAppRegistration).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null) && !t.IsAbstract)
            .ToList();
        Assert.NotEmpty(functionClasses);
        foreach (var type in functionClasses)
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(provider, type));
        }
    }
}
