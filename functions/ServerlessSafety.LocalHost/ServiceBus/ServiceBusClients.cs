using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using ServerlessSafety.LocalHost.Configuration;

namespace ServerlessSafety.LocalHost.ServiceBus;

/// <summary>One <see cref="ServiceBusClient"/> per connection setting, shared by the functions that use it.</summary>
internal sealed class ServiceBusClients : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ServiceBusClient> _clients = new(StringComparer.OrdinalIgnoreCase);

    public ServiceBusClient Get(ConnectionSetting connection)
        => _clients.GetOrAdd(connection.Name, _ => connection.ConnectionString is { } text
            ? new ServiceBusClient(text)
            : new ServiceBusClient(
                connection.Endpoint("fullyQualifiedNamespace") ?? throw new InvalidOperationException($"The connection '{connection.Name}' has neither a connection string nor {connection.Name}__fullyQualifiedNamespace."),
                connection.Credential()));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            await client.DisposeAsync();
        }
    }
}
