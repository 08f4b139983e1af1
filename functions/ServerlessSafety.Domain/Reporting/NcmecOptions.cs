using System.ComponentModel.DataAnnotations;

namespace ServerlessSafety.Domain.Reporting;

/// <summary>How the platform reports to NCMEC's CyberTipline, bound from the <c>Ncmec</c> section.</summary>
/// <remarks>
/// Only setting names of the credentials live here, never the credentials: in Azure those settings are Key Vault
/// references, locally user secrets or environment variables.
/// </remarks>
public sealed class NcmecOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Ncmec";

    /// <summary>NCMEC's test environment, the default base URL.</summary>
    public static readonly Uri TestEnvironment = new("https://exttest.cybertip.org/ispws/");

    /// <summary>NCMEC's production service, used only when <see cref="UseProduction"/> is true.</summary>
    public static readonly Uri Production = new("https://report.cybertip.org/ispws/");

    /// <summary>The service's base URL (default <see cref="TestEnvironment"/>; a local CyberTipline in development).</summary>
    public Uri BaseUrl { get; set; } = TestEnvironment;

    /// <summary>Must be true for <see cref="BaseUrl"/> to be NCMEC's production service, so no test setup files real reports.</summary>
    public bool UseProduction { get; set; }

    /// <summary>The name of the setting that holds the CyberTipline user name (default <c>NcmecUsername</c>).</summary>
    [Required]
    public string UsernameSetting { get; set; } = "NcmecUsername";

    /// <summary>The name of the setting that holds the CyberTipline password (default <c>NcmecPassword</c>).</summary>
    [Required]
    public string PasswordSetting { get; set; } = "NcmecPassword";

    /// <summary>The reporting organization, as NCMEC registered it. Required to build a report (see <see cref="MissingReporterSettings"/>).</summary>
    public string ReporterOrganization { get; set; } = "";

    /// <summary>The platform's product name, reported as the ESP service and platform (default: the organization).</summary>
    public string? EspServiceName { get; set; }

    /// <summary>The first name of the person law enforcement contacts about reports.</summary>
    public string ContactFirstName { get; set; } = "";

    /// <summary>The last name of that person.</summary>
    public string ContactLastName { get; set; } = "";

    /// <summary>That person's email address.</summary>
    public string ContactEmail { get; set; } = "";

    /// <summary>That person's phone number, if any.</summary>
    public string? ContactPhone { get; set; }

    /// <summary>A page on how to serve legal process, if any.</summary>
    public Uri? LegalUrl { get; set; }

    /// <summary>
    /// Whether reports carry the reported account's IP addresses and their times (default false: the platform keeps
    /// none unless its privacy notice says it does).
    /// </summary>
    public bool KeepIpAddresses { get; set; }

    /// <summary>
    /// Whether reports describe the victim when the case knows them (default false: the victim is never named unless
    /// the platform's policy allows it).
    /// </summary>
    public bool IncludeVictim { get; set; }

    /// <summary>
    /// Incident type per policy category id, overriding <see cref="CyberTiplineReportBuilder"/>'s defaults
    /// (for example <c>"harassment": "UnsolicitedObsceneMaterialSentToAChild"</c>).
    /// </summary>
    public Dictionary<string, CyberTiplineIncidentType> IncidentTypes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Attempts of one case before it is flagged for on-call (default 5, the queue's delivery count).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Retries of one HTTP call on a transient failure, within an attempt (default 4).</summary>
    [Range(0, 10)]
    public int HttpRetries { get; set; } = 4;

    /// <summary>The first retry's delay; each next one doubles, with jitter (default 1 s).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one HTTP call may take before it counts as a transient failure (default 60 s).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long one escalation run holds the case's report without recording a step (default 6 min). It must outlast
    /// the slowest single call with its retries (<see cref="RequestTimeout"/> times <see cref="HttpRetries"/> + 1, plus
    /// backoff), or a second run could take over while a submit is still in flight. After a crash the next delivery
    /// waits this long at most.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(6);

    /// <summary>The largest file sent (default 100 MiB); a larger file fails the case for an operator to handle.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>The service name reported for the platform.</summary>
    public string ServiceName => string.IsNullOrWhiteSpace(EspServiceName) ? ReporterOrganization : EspServiceName;

    /// <summary>
    /// The reporter settings a report needs that are not set. They are checked when a report is built rather than at
    /// start, so an app that never reports (a local demo, a test) starts without them; a report without them fails
    /// the case for on-call with the names of the settings.
    /// </summary>
    public IReadOnlyList<string> MissingReporterSettings()
    {
        (string Name, bool IsSet)[] settings =
        [
            (nameof(ReporterOrganization), !string.IsNullOrWhiteSpace(ReporterOrganization)),
            (nameof(ContactFirstName), !string.IsNullOrWhiteSpace(ContactFirstName)),
            (nameof(ContactLastName), !string.IsNullOrWhiteSpace(ContactLastName)),
            (nameof(ContactEmail), ContactEmail.Contains('@', StringComparison.Ordinal)),
        ];
        return settings.Where(s => !s.IsSet).Select(s => $"{Section}:{s.Name}").ToList();
    }

    /// <summary>Whether <see cref="BaseUrl"/> is allowed: production only when <see cref="UseProduction"/> says so.</summary>
    public bool BaseUrlIsAllowed()
        => BaseUrl.IsAbsoluteUri && (UseProduction || !string.Equals(BaseUrl.Host, Production.Host, StringComparison.OrdinalIgnoreCase));
}
