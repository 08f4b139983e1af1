using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessSafety.Domain.Offenders;
using ServerlessSafety.Storage.ServiceBus.Offenders;

namespace ServerlessSafety.Storage.Cosmos.Offenders;

/// <summary>Registers the Azure parts of offenders: the Cosmos record store and the Service Bus enforcement sink.</summary>
public static class AzureOffendersRegistration
{
    /// <summary>Setting that turns the <c>enforcement-events</c> queue off (when the platform takes the webhook only). Default true.</summary>
    public const string PublishToServiceBusSetting = "Enforcement:PublishToServiceBus";

    /// <summary>
    /// Makes <see cref="CosmosOffenderStore"/> the <see cref="IOffenderStore"/> (in whatever order the Domain
    /// registration runs) and adds the Service Bus sink unless turned off. Needs the clients of
    /// <c>AddAzureSafetyStores</c>. Calling it twice changes nothing.
    /// </summary>
    public static IServiceCollection AddAzureOffenderStores(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Replace(ServiceDescriptor.Singleton<IOffenderStore, CosmosOffenderStore>());
        if (configuration.GetValue(PublishToServiceBusSetting, defaultValue: true))
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IEnforcementEventSink, ServiceBusEnforcementEventSink>());
        }

        return services;
    }
}
