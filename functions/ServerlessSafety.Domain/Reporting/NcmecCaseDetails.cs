namespace ServerlessSafety.Domain.Reporting;

/// <summary>
/// What the platform knows of the people in a case beyond the reported subject, kept only for the CyberTipline
/// report: the reported account's names and IP addresses, and the victim as far as the policy lets it be reported.
/// </summary>
/// <param name="ReportedAccount">The reported account, when the platform knows more than its id.</param>
/// <param name="Victim">The victim, when known; reported only when <see cref="NcmecOptions.IncludeVictim"/> is set.</param>
public sealed record NcmecCaseDetails(ReportedAccountDetails? ReportedAccount = null, VictimDetails? Victim = null);

/// <summary>The reported account as the platform knows it.</summary>
/// <param name="DisplayName">The name the account shows.</param>
/// <param name="ScreenName">The account's handle.</param>
/// <param name="ProfileUrl">Its profile page.</param>
/// <param name="IpCaptures">IP addresses seen for it; reported only when <see cref="NcmecOptions.KeepIpAddresses"/> is set.</param>
public sealed record ReportedAccountDetails(
    string? DisplayName = null,
    string? ScreenName = null,
    string? ProfileUrl = null,
    IReadOnlyList<IpCapture>? IpCaptures = null);

/// <summary>The victim as the platform knows them.</summary>
/// <param name="AccountId">The victim's account id on the platform.</param>
/// <param name="ScreenName">The victim's handle.</param>
/// <param name="Age">The victim's age, when known.</param>
public sealed record VictimDetails(string? AccountId = null, string? ScreenName = null, int? Age = null);

/// <summary>An IP address seen for an account.</summary>
/// <param name="Address">The address.</param>
/// <param name="Event">What the account did from it.</param>
/// <param name="At">When.</param>
public sealed record IpCapture(string Address, IpCaptureEvent Event, DateTimeOffset At);

/// <summary>The schema's <c>ipCaptureType</c>.</summary>
public enum IpCaptureEvent
{
    /// <summary>A login.</summary>
    Login,

    /// <summary>The account's registration.</summary>
    Registration,

    /// <summary>A purchase.</summary>
    Purchase,

    /// <summary>An upload.</summary>
    Upload,

    /// <summary>Something else.</summary>
    Other,

    /// <summary>Not known.</summary>
    Unknown,
}
