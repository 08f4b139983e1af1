namespace ServerlessSafety.Domain.Reporting;

/// <summary>
/// One CyberTipline report as the platform files it: <see cref="CyberTiplineXml.WriteReport"/> turns it into the
/// <c>report</c> document of NCMEC's schema, and each of <see cref="Files"/> into a <c>fileDetails</c> document.
/// </summary>
/// <param name="CaseId">The platform's case (kept out of the XML; it names evidence and logs).</param>
/// <param name="IncidentType">What kind of incident it is.</param>
/// <param name="IncidentAt">When it happened, or when the platform learned of it.</param>
/// <param name="IncidentTimeDescription">What <paramref name="IncidentAt"/> is.</param>
/// <param name="Platform">The platform's product name.</param>
/// <param name="Sextortion">Whether the case is sextortion (a report annotation).</param>
/// <param name="Reporter">The reporting organization.</param>
/// <param name="Internet">Where the content was.</param>
/// <param name="ReportedAccount">The reported person or account, when known.</param>
/// <param name="Victim">The victim, when known and the policy allows it.</param>
/// <param name="Files">The files sent with the report.</param>
/// <param name="AdditionalInfo">Anything else, in the platform's words (never the reporter's personal data).</param>
public sealed record CyberTiplineReport(
    string CaseId,
    CyberTiplineIncidentType IncidentType,
    DateTimeOffset IncidentAt,
    string IncidentTimeDescription,
    string Platform,
    bool Sextortion,
    CyberTiplineReporter Reporter,
    CyberTiplineInternetDetails Internet,
    CyberTiplineAccount? ReportedAccount,
    CyberTiplineVictim? Victim,
    IReadOnlyList<CyberTiplineFile> Files,
    string? AdditionalInfo);

/// <summary>The reporting organization and its contact for law enforcement.</summary>
/// <param name="FirstName">The contact's first name.</param>
/// <param name="LastName">The contact's last name.</param>
/// <param name="Email">The contact's email.</param>
/// <param name="Phone">The contact's phone, if any.</param>
/// <param name="CompanyTemplate">Text included in every report: who the platform is and how long it keeps evidence.</param>
/// <param name="LegalUrl">Where to read how to serve legal process.</param>
public sealed record CyberTiplineReporter(string FirstName, string LastName, string Email, string? Phone, string CompanyTemplate, string? LegalUrl);

/// <summary>Where the reported content was: URLs on the platform, or an upload without a public URL.</summary>
/// <param name="Urls">Links to the content.</param>
/// <param name="Description">What the platform knows of the place, for an upload without a URL.</param>
public sealed record CyberTiplineInternetDetails(IReadOnlyList<string> Urls, string? Description);

/// <summary>The reported person or account.</summary>
/// <param name="EspIdentifier">The account id on the platform.</param>
/// <param name="EspService">The platform's service the account used.</param>
/// <param name="ScreenName">The account's handle.</param>
/// <param name="DisplayName">The name the account shows.</param>
/// <param name="ProfileUrl">Its profile page.</param>
/// <param name="IpCaptures">IP addresses and times; empty unless the platform keeps them.</param>
public sealed record CyberTiplineAccount(
    string? EspIdentifier,
    string EspService,
    string? ScreenName,
    string? DisplayName,
    string? ProfileUrl,
    IReadOnlyList<IpCapture> IpCaptures);

/// <summary>The victim, as far as the policy lets the platform report them.</summary>
/// <param name="EspIdentifier">The victim's account id.</param>
/// <param name="EspService">The platform's service.</param>
/// <param name="ScreenName">The victim's handle.</param>
/// <param name="Age">The victim's age, when known.</param>
public sealed record CyberTiplineVictim(string? EspIdentifier, string EspService, string? ScreenName, int? Age);

/// <summary>A file sent with a report.</summary>
/// <param name="Sha256">SHA-256 of the bytes, lower-case hex; the file's key in the case.</param>
/// <param name="Md5">MD5 of the bytes, lower-case hex.</param>
/// <param name="FileName">The name the file is sent under.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="UploadedAt">When it reached the platform, if known.</param>
/// <param name="Location">The URL where it was, if any.</param>
/// <param name="ViewedByPerson">Whether a person at the platform looked at it.</param>
public sealed record CyberTiplineFile(
    string Sha256,
    string Md5,
    string FileName,
    string ContentType,
    long Length,
    DateTimeOffset? UploadedAt,
    string? Location,
    bool ViewedByPerson);
