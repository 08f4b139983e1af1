using System.Xml.Linq;

namespace ServerlessSafety.Domain.Reporting;

/// <summary>
/// NCMEC's CyberTipline reporting API: <c>submit</c> a report, <c>upload</c> and describe (<c>fileinfo</c>) each
/// file, then <c>finish</c> it; or <c>retract</c> an unfinished one.
/// </summary>
/// <remarks>
/// Every call is retried on transient failures within the call. None of them is idempotent at NCMEC: a retried
/// submit whose first try reached NCMEC leaves an unfinished report there that is never finished and that NCMEC
/// discards; the caller records each answer before the next call so it never repeats a call that completed.
/// Failures throw <see cref="CyberTiplineException"/>, which says whether trying again later can help.
/// </remarks>
public interface ICyberTiplineClient
{
    /// <summary>Opens a report from its <c>report</c> document; returns NCMEC's report id.</summary>
    Task<long> SubmitAsync(XDocument report, CancellationToken cancellationToken = default);

    /// <summary>Uploads one file of report <paramref name="reportId"/>; <paramref name="openContent"/> is called once per try.</summary>
    Task<CyberTiplineUpload> UploadAsync(long reportId, string fileName, string contentType, Func<CancellationToken, Task<Stream>> openContent, CancellationToken cancellationToken = default);

    /// <summary>Sends the <c>fileDetails</c> document of an uploaded file.</summary>
    Task SendFileDetailsAsync(XDocument fileDetails, CancellationToken cancellationToken = default);

    /// <summary>Finishes the report; a report NCMEC already finished (<c>5102</c>) counts as finished.</summary>
    Task<CyberTiplineFinish> FinishAsync(long reportId, CancellationToken cancellationToken = default);

    /// <summary>Withdraws an unfinished report.</summary>
    Task RetractAsync(long reportId, CancellationToken cancellationToken = default);

    /// <summary>Checks connectivity and credentials (<c>GET /status</c>); never throws for an unreachable service.</summary>
    Task<CyberTiplineStatus> GetStatusAsync(CancellationToken cancellationToken = default);
}

/// <summary>What NCMEC answered to an upload.</summary>
/// <param name="FileId">NCMEC's id of the stored file.</param>
/// <param name="Md5">The MD5 NCMEC computed of what it received, lower-case hex, when it said.</param>
public sealed record CyberTiplineUpload(string FileId, string? Md5);

/// <summary>How a finish ended.</summary>
public enum CyberTiplineFinish
{
    /// <summary>This call finished the report.</summary>
    Finished,

    /// <summary>NCMEC had already finished it (<c>5102</c>): an earlier call got through.</summary>
    AlreadyFinished,
}

/// <summary>The answer of <c>GET /status</c>.</summary>
/// <param name="Reachable">Whether the service answered with success.</param>
/// <param name="Detail">The service's description, or why it could not be reached (no credentials in it).</param>
public sealed record CyberTiplineStatus(bool Reachable, string Detail);
