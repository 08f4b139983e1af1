using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ServerlessSafety.Domain.DependencyInjection;
using ServerlessSafety.Storage.Cosmos.Screening;

namespace ServerlessSafety.Functions.Screening;

/// <summary>Registers upload screening and the hash bank for the function app.</summary>
public static class ScreeningFunctionsRegistration
{
    /// <summary>
    /// Adds the bank and screening stores, the screening services and the index refresher. Needs
    /// <c>AddAzureSafetyStores</c> and the safety policy. Calling it twice changes nothing.
    /// </summary>
    public static IServiceCollection AddUploadScreeningFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAzureScreeningStores().AddUploadScreening(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PdqBankIndexRefresher>());
        return services;
    }
}
