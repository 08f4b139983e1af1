using System.Data.Common;
using Microsoft.Azure.Cosmos;
using ServerlessSafety.Storage.DependencyInjection;

namespace ServerlessSafety.Storage.Cosmos;

/// <summary>Builds the one <see cref="CosmosClient"/> of the process, for Azure or for the local Cosmos server.</summary>
public static class CosmosClientFactory
{
    /// <summary>Creates the client for a connection.</summary>
    public static CosmosClient Create(AzureConnection connection)
    {
        var options = new CosmosClientOptions
        {
            Serializer = new CosmosJsonSerializer(),
            ConnectionMode = ConnectionMode.Gateway,
            ApplicationName = "ServerlessSafety",
        };

        if (connection.ConnectionString is not { } connectionString)
        {
            return new CosmosClient(connection.Endpoint!.ToString(), connection.Credential, options);
        }

        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var endpoint = new Uri((string)builder["AccountEndpoint"]);
        if (endpoint.IsLoopback)
        {
            // The local Cosmos server has one endpoint and no regions, and serves a self-signed certificate.
            options.LimitToEndpoint = true;
            options.HttpClientFactory = () => new HttpClient(new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        }

        return new CosmosClient(endpoint.AbsoluteUri, (string)builder["AccountKey"], options);
    }
}
