using System.ComponentModel.DataAnnotations;

namespace ServerlessSafety.Domain.Notices;

/// <summary>Settings of notice delivery, bound from the <c>Notices</c> section.</summary>
public sealed class NoticesOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Notices";

    /// <summary>The secret (at least 32 characters) reporters' webhooks verify signatures with. A Key Vault reference in Azure.</summary>
    [Required]
    [MinLength(32)]
    public string WebhookSecret { get; set; } = "";

    /// <summary>Allow webhooks to loopback addresses: local development and tests only.</summary>
    public bool AllowLoopbackWebhooks { get; set; }

    /// <summary>Keep emails in the development mailbox instead of sending them (local development).</summary>
    public bool UseDevelopmentMailbox { get; set; }
}
