using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Reporting;

/// <summary>
/// Builds the CyberTipline report of a case from what the case holds and the platform's <see cref="NcmecOptions"/>.
/// </summary>
/// <remarks>
/// The report carries what the law asks and the options allow, nothing more: IP addresses only when the platform keeps
/// them, the victim only when the policy allows it, never the reporter's contact or own words. The result depends on
/// the case's content, not its timeline, so building it again after a crash gives the same report.
/// </remarks>
public sealed class CyberTiplineReportBuilder
{
    private readonly NcmecOptions _options;

    /// <summary>Creates the builder.</summary>
    public CyberTiplineReportBuilder(IOptions<NcmecOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <summary>The incident type a case of <paramref name="category"/> is reported as, unless the options say otherwise.</summary>
    public static CyberTiplineIncidentType DefaultIncidentType(string category, bool hasFiles) => category switch
    {
        "csam" or "ncii" => CyberTiplineIncidentType.ChildPornography,
        "sextortion" or "harassment" => CyberTiplineIncidentType.OnlineEnticement,
        _ => hasFiles ? CyberTiplineIncidentType.ChildPornography : CyberTiplineIncidentType.OnlineEnticement,
    };

    /// <summary>Builds the report of <paramref name="safetyCase"/>.</summary>
    /// <exception cref="CyberTiplineException">The reporter is not configured (not transient; the message names the settings).</exception>
    public CyberTiplineReport Build(SafetyCase safetyCase)
    {
        ArgumentNullException.ThrowIfNull(safetyCase);
        if (_options.MissingReporterSettings() is { Count: > 0 } missing)
        {
            throw new CyberTiplineException("build", $"the reporter is not configured: set {string.Join(", ", missing)}", isTransient: false);
        }

        var service = _options.ServiceName;
        var files = safetyCase.Files.Select(f => File(safetyCase, f)).ToList();
        var type = _options.IncidentTypes.TryGetValue(safetyCase.Category, out var configured)
            ? configured
            : DefaultIncidentType(safetyCase.Category, files.Count > 0);

        return new CyberTiplineReport(
            safetyCase.Id,
            type,
            safetyCase.OpenedAt,
            safetyCase.Origin == CaseOrigin.UploadMatch
                ? "When the upload reached the platform and matched a known hash."
                : "When a user reported it to the platform.",
            service,
            safetyCase.Category == "sextortion",
            new CyberTiplineReporter(
                _options.ContactFirstName,
                _options.ContactLastName,
                _options.ContactEmail,
                _options.ContactPhone,
                $"{_options.ReporterOrganization.TrimEnd('.')}. The reported files and this report are preserved for one year (18 U.S.C. 2258A(h)).",
                _options.LegalUrl?.ToString()),
            Internet(safetyCase, service),
            Account(safetyCase, service),
            Victim(safetyCase, service),
            files,
            AdditionalInfo(safetyCase));
    }

    private static CyberTiplineInternetDetails Internet(SafetyCase safetyCase, string service)
    {
        var urls = safetyCase.Subject.ContentUrl is { Length: > 0 } url ? new[] { url } : [];
        var description = safetyCase.Subject.UploadId is { Length: > 0 } upload
            ? $"Uploaded to {service}; upload id {upload}."
            : urls.Length == 0 ? $"Content held by {service}." : null;
        return new CyberTiplineInternetDetails(urls, description);
    }

    private CyberTiplineAccount? Account(SafetyCase safetyCase, string service)
    {
        var details = safetyCase.NcmecDetails?.ReportedAccount;
        if (safetyCase.Subject.Account is null && details is null)
        {
            return null;
        }

        var ips = _options.KeepIpAddresses && details?.IpCaptures is { } captures ? captures : [];
        return new CyberTiplineAccount(safetyCase.Subject.Account, service, details?.ScreenName, details?.DisplayName, details?.ProfileUrl, ips);
    }

    private CyberTiplineVictim? Victim(SafetyCase safetyCase, string service)
        => _options.IncludeVictim && safetyCase.NcmecDetails?.Victim is { } victim
            ? new CyberTiplineVictim(victim.AccountId, service, victim.ScreenName, victim.Age)
            : null;

    private static CyberTiplineFile File(SafetyCase safetyCase, CaseFile file) => new(
        file.Sha256,
        file.Md5,
        file.Sha256 + Extension(file.ContentType),
        file.ContentType,
        file.Length,
        safetyCase.OpenedAt,
        safetyCase.Subject.ContentUrl,
        file.ViewedByPerson);

    private static string AdditionalInfo(SafetyCase safetyCase)
    {
        var origin = safetyCase.Origin == CaseOrigin.UploadMatch ? "an upload that matched a hash bank" : "a user's report";
        var verified = safetyCase.Matches.Any(m => m.BankIsVerified) ? " The content matched a verified hash list." : "";
        return $"Platform case {safetyCase.Id}, opened by {origin}.{verified}";
    }

    private static string Extension(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        "video/mp4" => ".mp4",
        "video/quicktime" => ".mov",
        _ => ".bin",
    };
}
