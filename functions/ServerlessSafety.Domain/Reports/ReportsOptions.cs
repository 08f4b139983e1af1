using System.ComponentModel.DataAnnotations;

namespace ServerlessSafety.Domain.Reports;

/// <summary>Settings of report intake, bound from the <c>Reports</c> section.</summary>
public sealed class ReportsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Reports";

    /// <summary>
    /// Base64 of at least 32 random bytes that status tokens are derived from. A secret: in Azure a Key Vault
    /// reference, locally a development value in <c>local.settings.json</c>. Rotating it invalidates no stored
    /// hash, but retried submissions after a rotation get a token that no longer matches.
    /// </summary>
    [Required]
    public string StatusTokenKey { get; set; } = "";

    /// <summary>Reports one client may file per <see cref="RateLimitWindow"/> (default 10).</summary>
    [Range(1, 10_000)]
    public int RateLimitPermits { get; set; } = 10;

    /// <summary>The window of the rate limit (default one minute).</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Replaces every category's deadline: seconds-long SLAs for tests and the local demo. Unset in production.</summary>
    public TimeSpan? DeadlineOverride { get; set; }

    /// <summary>Reminders, as fractions of the time allowed (default 0.5 and 0.8333: 24 h and 40 h of 48 h).</summary>
    public double[] ReminderFractions { get; set; } = [0.5, 5.0 / 6.0];

    /// <summary>The public base URL of the app, for the status URL in answers (default: the request's own).</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The key's bytes.</summary>
    /// <exception cref="InvalidOperationException">The key is not base64 of at least 32 bytes.</exception>
    public byte[] StatusTokenKeyBytes()
    {
        try
        {
            var bytes = Convert.FromBase64String(StatusTokenKey);
            return bytes.Length >= 32 ? bytes : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Reports:StatusTokenKey must be base64 of at least 32 random bytes.");
        }
    }
}
