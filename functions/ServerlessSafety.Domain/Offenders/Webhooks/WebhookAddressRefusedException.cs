namespace ServerlessSafety.Domain.Offenders.Webhooks;

/// <summary>A webhook host resolved to an address deliveries may not reach; the delivery was not attempted.</summary>
public sealed class WebhookAddressRefusedException : Exception
{
    /// <summary>Creates the exception for a host.</summary>
    public WebhookAddressRefusedException(string host)
        : base($"Webhook host '{host}' resolves to a private, loopback or link-local address; delivery refused.")
    {
        Host = host;
    }

    /// <summary>The host that was refused.</summary>
    public string Host { get; }
}
