using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace ServerlessSafety.LocalHost.Configuration;

/// <summary>Blob and queue clients for a storage connection, in either of its forms.</summary>
internal static class StorageClients
{
    public static BlobServiceClient Blobs(ConnectionSetting connection)
        => connection.ConnectionString is { } text
            ? new BlobServiceClient(text)
            : new BlobServiceClient(ServiceUri(connection, "blobServiceUri", "blob"), connection.Credential());

    public static QueueServiceClient Queues(ConnectionSetting connection, QueueMessageEncoding encoding)
    {
        var options = new QueueClientOptions { MessageEncoding = encoding };
        return connection.ConnectionString is { } text
            ? new QueueServiceClient(text, options)
            : new QueueServiceClient(ServiceUri(connection, "queueServiceUri", "queue"), connection.Credential(), options);
    }

    private static Uri ServiceUri(ConnectionSetting connection, string key, string service)
    {
        if (connection.Endpoint(key) is { } uri)
        {
            return new Uri(uri);
        }

        if (connection.Endpoint("serviceUri") is { } serviceUri && service == "blob")
        {
            return new Uri(serviceUri);
        }

        return connection.Endpoint("accountName") is { } account
            ? new Uri($"https://{account}.{service}.core.windows.net")
            : throw new InvalidOperationException($"The connection '{connection.Name}' has neither a connection string nor {connection.Name}__{key} or {connection.Name}__accountName.");
    }
}
