using Microsoft.Azure.Cosmos;

namespace ServerlessSafety.LocalServices.Tests.Cosmos;

/// <summary>
/// The one set of <see cref="CosmosClientOptions"/> the .NET SDK needs against services/cosmos/server.js, kept in one
/// place so the app's Storage project can copy it (see services/cosmos/README.md).
/// </summary>
public static class LocalCosmosClientOptions
{
    public static CosmosClientOptions Create() => new()
    {
        // The local server speaks only the Gateway (HTTP) protocol.
        ConnectionMode = ConnectionMode.Gateway,
        // It has one endpoint and no regions: never follow the account's location list.
        LimitToEndpoint = true,
        // The server keeps connections alive for 130 s; the client retires idle ones sooner. The certificate callback
        // only matters when the server runs with --https (the package's self-signed certificate).
        HttpClientFactory = () => new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        }),
        // A local request that takes longer than this is a bug, not load.
        RequestTimeout = TimeSpan.FromSeconds(15),
    };
}
