using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace ServerlessSafety.Storage.DependencyInjection;

/// <summary>
/// One connection setting as Azure Functions reads it: either a connection string (local emulators only) or a
/// section with an endpoint, <c>credential=managedidentity</c> and <c>clientId</c> (Azure, no keys).
/// </summary>
/// <param name="Name">The setting name, for error messages.</param>
/// <param name="ConnectionString">The connection string, when the setting is one.</param>
/// <param name="Endpoint">The endpoint, when the setting is identity-based.</param>
/// <param name="Credential">The credential for the endpoint.</param>
public sealed record AzureConnection(string Name, string? ConnectionString, Uri? Endpoint, TokenCredential? Credential)
{
    /// <summary>Reads setting <paramref name="name"/>, where <paramref name="endpointKey"/> names the endpoint in a section.</summary>
    /// <exception cref="InvalidOperationException">Neither form is configured; the message names the setting.</exception>
    public static AzureConnection Read(IConfiguration configuration, string name, string endpointKey)
    {
        var value = configuration[name];
        if (!string.IsNullOrWhiteSpace(value))
        {
            return new AzureConnection(name, value, null, null);
        }

        var section = configuration.GetSection(name);
        var endpoint = section[endpointKey];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            throw new InvalidOperationException(
                $"Connection '{name}' is not configured: set '{name}' to a local connection string, or '{name}__{endpointKey}' (with '{name}__credential' and '{name}__clientId') for a managed identity.");
        }

        var clientId = section["clientId"] ?? configuration["AZURE_CLIENT_ID"];
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        // Service Bus names a bare namespace host ("ns.servicebus.windows.net"); give it a scheme to parse.
        var uri = Uri.TryCreate(endpoint, UriKind.Absolute, out var absolute) ? absolute : new Uri("sb://" + endpoint);
        return new AzureConnection(name, null, uri, credential);
    }
}
