using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessSafety.Domain.Banks;
using ServerlessSafety.Domain.Screening;
using ServerlessSafety.Storage.Blobs.Banks;
using ServerlessSafety.Storage.Cosmos.Banks;

namespace ServerlessSafety.Storage.Cosmos.Screening;

/// <summary>Registers the Azure stores of the hash bank and upload screening.</summary>
public static class ScreeningStoresRegistration
{
    /// <summary>
    /// Adds the Cosmos bank store (also the change feed), the Cosmos screening store and the blob snapshot store.
    /// Needs <c>AddAzureSafetyStores</c> for the clients. Calling it twice changes nothing.
    /// </summary>
    public static IServiceCollection AddAzureScreeningStores(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CosmosBankStore>();
        services.TryAddSingleton<IBankStore>(sp => sp.GetRequiredService<CosmosBankStore>());
        services.TryAddSingleton<IBankChangeFeed>(sp => sp.GetRequiredService<CosmosBankStore>());
        services.TryAddSingleton<IScreeningStore, CosmosScreeningStore>();
        services.TryAddSingleton<IBankSnapshotStore, BlobBankSnapshotStore>();
        return services;
    }
}
