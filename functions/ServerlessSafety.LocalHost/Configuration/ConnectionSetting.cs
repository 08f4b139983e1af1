using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace ServerlessSafety.LocalHost.Configuration;

/// <summary>
/// A binding's <c>Connection</c>: the name of a setting that holds a connection string, or of a section that holds
/// an endpoint (<c>fullyQualifiedNamespace</c>, <c>serviceUri</c>, <c>blobServiceUri</c>, <c>accountName</c>) to reach
/// with <see cref="DefaultAzureCredential"/>, as the Functions host reads it.
/// </summary>
internal sealed record ConnectionSetting(string Name, string? ConnectionString, IConfigurationSection? Section)
{
    /// <summary>Finds the setting; null when neither form is there.</summary>
    public static ConnectionSetting? Find(IConfiguration configuration, string name)
    {
        var key = name.Replace("__", ":", StringComparison.Ordinal);
        var value = configuration[key];
        if (!string.IsNullOrWhiteSpace(value))
        {
            return new ConnectionSetting(name, value, null);
        }

        var section = configuration.GetSection(key);
        return section.GetChildren().Any() ? new ConnectionSetting(name, null, section) : null;
    }

    /// <summary>The credential for the section form: a managed identity when <c>credential</c> says so, else the default chain.</summary>
    public TokenCredential Credential()
        => string.Equals(Section?["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(Section?["clientId"] is { Length: > 0 } clientId ? ManagedIdentityId.FromUserAssignedClientId(clientId) : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();

    /// <summary>A value of the section form, or null.</summary>
    public string? Endpoint(string key) => Section?[key];
}
