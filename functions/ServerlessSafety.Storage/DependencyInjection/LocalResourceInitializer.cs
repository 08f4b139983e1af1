using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Azure.Storage.Blobs;
using ServerlessSafety.Domain.Content;
using ServerlessSafety.Storage.Cosmos;

namespace ServerlessSafety.Storage.DependencyInjection;

/// <summary>
/// Creates the Cosmos containers and blob containers at start when the app runs on local emulators.
/// In Azure the infrastructure creates them and the app's identity holds data roles only, so this does nothing there.
/// </summary>
internal sealed class LocalResourceInitializer : IHostedService
{
    private readonly IServiceProvider _services;
    private readonly IConfiguration _configuration;

    public LocalResourceInitializer(IServiceProvider services, IConfiguration configuration)
    {
        _services = services;
        _configuration = configuration;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(_configuration[AzureSafetyStoresRegistration.CosmosConnection]))
        {
            await _services.GetRequiredService<CosmosContainers>().EnsureCreatedAsync(cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(_configuration[AzureSafetyStoresRegistration.UploadsConnection]))
        {
            var blobs = _services.GetRequiredService<BlobServiceClient>();
            foreach (var container in new[] { ContentContainers.Uploads, ContentContainers.Quarantine, ContentContainers.Evidence })
            {
                await blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
