using System.ComponentModel.DataAnnotations;

namespace ServerlessSafety.Domain.Offenders.Webhooks;

/// <summary>The platform's enforcement webhook (configuration section <c>Enforcement:Webhook</c>).</summary>
public sealed class EnforcementWebhookOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Enforcement:Webhook";

    /// <summary>The HTTPS URL enforcement events are posted to; none means no webhook.</summary>
    public Uri? Url { get; set; }

    /// <summary>
    /// The shared HMAC secret, at least 32 characters. In Azure, an app setting that is a Key Vault reference
    /// (<c>@Microsoft.KeyVault(SecretUri=...)</c>); never in a file in the repository.
    /// </summary>
    public string? SigningSecret { get; set; }

    /// <summary>Local development only: allow a webhook on this machine (loopback, plain HTTP). Default false.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>How long one delivery may take. Default 10 seconds.</summary>
    [Range(1, 60)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Url is null)
        {
            yield break;
        }

        if (!Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttps && !(AllowLoopback && Url.Scheme == Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult($"{Section}:Url must be an absolute https URL.", [nameof(Url)]);
        }

        if (SigningSecret is null || SigningSecret.Length < 32)
        {
            yield return new ValidationResult($"{Section}:SigningSecret must be set, at least 32 characters, when a webhook URL is.", [nameof(SigningSecret)]);
        }
    }
}
