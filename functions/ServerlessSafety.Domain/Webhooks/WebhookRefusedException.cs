namespace ServerlessSafety.Domain.Webhooks;

/// <summary>A webhook destination was refused by the address guard.</summary>
public sealed class WebhookRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WebhookRefusedException(string message)
        : base(message)
    {
    }
}
