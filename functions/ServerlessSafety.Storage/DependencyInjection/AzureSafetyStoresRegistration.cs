using Azure.Messaging.ServiceBus;
using Azure.Storage.Blobs;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Content;
using ServerlessSafety.Domain.Moderation.Audit;
using ServerlessSafety.Domain.Moderation.Queue;
using ServerlessSafety.Domain.Moderation.Wellness;
using ServerlessSafety.Domain.Notices;
using ServerlessSafety.Domain.Pipeline;
using ServerlessSafety.Domain.Reports;
using ServerlessSafety.Storage.Blobs;
using ServerlessSafety.Storage.Cosmos;
using ServerlessSafety.Storage.Cosmos.Moderation;
using ServerlessSafety.Storage.Cosmos.Reports;
using ServerlessSafety.Storage.ServiceBus;

namespace ServerlessSafety.Storage.DependencyInjection;

/// <summary>Registers the Azure clients and the Domain stores built on them.</summary>
public static class AzureSafetyStoresRegistration
{
    /// <summary>The connection setting of the content storage account (uploads, quarantine, evidence).</summary>
    public const string UploadsConnection = "Uploads";

    /// <summary>The connection setting of the Service Bus namespace.</summary>
    public const string ServiceBusConnection = "ServiceBus";

    /// <summary>The connection setting of the Cosmos DB account.</summary>
    public const string CosmosConnection = "CosmosDb";

    /// <summary>
    /// Adds the content vault, the case store and its change feed, the work queue and the moderators' stores (queue
    /// view, audit log, exposure counts). Connections are read lazily, when first
    /// used, so a tool that needs only one of them does not need the others configured. Calling it twice changes nothing.
    /// </summary>
    public static IServiceCollection AddAzureSafetyStores(this IServiceCollection services, IConfiguration configuration)
    {
        if (!services.Any(d => d.ServiceType == typeof(BlobServiceClient)))
        {
            services.AddAzureClients(clients =>
            {
                clients.AddClient<BlobServiceClient, BlobClientOptions>((options, _, _) =>
                    CreateBlobServiceClient(AzureConnection.Read(configuration, UploadsConnection, "blobServiceUri"), options));
                clients.AddClient<ServiceBusClient, ServiceBusClientOptions>((options, _, _) =>
                    CreateServiceBusClient(AzureConnection.Read(configuration, ServiceBusConnection, "fullyQualifiedNamespace"), options));
            });
        }

        services.TryAddSingleton(_ => CosmosClientFactory.Create(AzureConnection.Read(configuration, CosmosConnection, "accountEndpoint")));
        services.TryAddSingleton(sp => new CosmosContainers(
            sp.GetRequiredService<CosmosClient>(),
            CosmosDeclaration.Load(configuration["CosmosDb:DeclarationPath"] ?? Path.Combine(AppContext.BaseDirectory, "config", "cosmos.json"))));
        services.TryAddSingleton<IContentVault, BlobContentVault>();
        services.TryAddSingleton<CosmosCaseStore>();
        services.TryAddSingleton<ICaseStore>(sp => sp.GetRequiredService<CosmosCaseStore>());
        services.TryAddSingleton<ICaseChangeFeed>(sp => sp.GetRequiredService<CosmosCaseStore>());
        services.TryAddSingleton<ICaseWorkQueue, ServiceBusCaseWorkQueue>();
        services.TryAddSingleton<IQueueView, CosmosQueueView>();
        services.TryAddSingleton<IAuditLog, CosmosAuditLog>();
        services.TryAddSingleton<IExposureStore, CosmosExposureStore>();
        services.TryAddSingleton<IReportReceiptStore, CosmosReportReceiptStore>();
        services.TryAddSingleton<IIdempotencyStore, CosmosIdempotencyStore>();
        services.TryAddSingleton<INoticeOutbox, CosmosNoticeOutbox>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, LocalResourceInitializer>());
        return services;
    }

    private static BlobServiceClient CreateBlobServiceClient(AzureConnection connection, BlobClientOptions options)
        => connection.ConnectionString is { } cs ? new BlobServiceClient(cs, options) : new BlobServiceClient(connection.Endpoint, connection.Credential, options);

    private static ServiceBusClient CreateServiceBusClient(AzureConnection connection, ServiceBusClientOptions options)
        => connection.ConnectionString is { } cs
            ? new ServiceBusClient(cs, options)
            : new ServiceBusClient(ServiceBusNamespaceHost(connection.Endpoint!), connection.Credential, options);

    private static string ServiceBusNamespaceHost(Uri endpoint) => endpoint.Host;
}
