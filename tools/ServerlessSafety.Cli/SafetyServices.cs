using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessSafety.Domain.DependencyInjection;
using ServerlessSafety.Storage.DependencyInjection;

namespace ServerlessSafety.Cli;

/// <summary>The Domain services over the configured Cosmos DB and Blob Storage, as the function app has them.</summary>
internal static class SafetyServices
{
    public static ServiceProvider Build(IConfiguration configuration, TextWriter log)
    {
        var services = new ServiceCollection();
        // Warnings and errors only, and only the source-generated messages: case ids, steps and codes, no personal data.
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(new TextWriterLoggerProvider(log)));
        services.AddAzureSafetyStores(configuration);
        services.AddNcmecReporting(configuration);
        return services.BuildServiceProvider();
    }
}
