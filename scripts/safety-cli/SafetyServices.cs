using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSafety.Domain.DependencyInjection;
using ServerlessSafety.Storage.Cosmos;
using ServerlessSafety.Storage.Cosmos.Screening;
using ServerlessSafety.Storage.DependencyInjection;

namespace ServerlessSafety.SafetyCli;

/// <summary>
/// The bank and matcher as the app configures them, from the same settings read from the environment
/// (<c>CosmosDb</c>, <c>Uploads</c> for the index snapshot, <c>HashMatching__...</c>). On the local emulator
/// (a connection string) the containers are created when missing, as the app does at start.
/// </summary>
internal static class SafetyServices
{
    public static async Task<ServiceProvider> BuildAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CosmosDb:DeclarationPath"] = DeclarationPath() })
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddAzureSafetyStores(configuration).AddAzureScreeningStores().AddUploadScreening(configuration);
        var provider = services.BuildServiceProvider();
        if (!string.IsNullOrWhiteSpace(configuration[AzureSafetyStoresRegistration.CosmosConnection]))
        {
            await provider.GetRequiredService<CosmosContainers>().EnsureCreatedAsync();
        }

        return provider;
    }

    private static string DeclarationPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config", "cosmos.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("config/cosmos.json was not found above the tool.");
    }
}
