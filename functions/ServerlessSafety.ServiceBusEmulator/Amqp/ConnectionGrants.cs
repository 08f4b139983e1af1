using System.Runtime.CompilerServices;
using Microsoft.Azure.Amqp;

namespace ServerlessSafety.ServiceBusEmulator.Amqp;

/// <summary>The SAS grants each connection has put on its $cbs node; links to entities need one that covers them.</summary>
internal sealed class ConnectionGrants(TimeProvider time)
{
    private readonly ConditionalWeakTable<AmqpConnection, List<SignedAudience>> _grants = new();

    public void Add(AmqpConnection connection, SignedAudience audience)
    {
        var grants = _grants.GetOrCreateValue(connection);
        lock (grants)
        {
            grants.RemoveAll(g => g.ExpiresAt <= time.GetUtcNow().UtcDateTime || g.Resource == audience.Resource);
            grants.Add(audience);
        }
    }

    public bool Covers(AmqpConnection connection, string entityPath)
    {
        if (!_grants.TryGetValue(connection, out var grants))
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        lock (grants)
        {
            return grants.Any(g => g.Covers(entityPath, now));
        }
    }
}
