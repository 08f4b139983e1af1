namespace ServerlessSafety.Domain.Reporting;

/// <summary>A CyberTipline call failed. It carries ids and codes, never report content.</summary>
public sealed class CyberTiplineException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CyberTiplineException(string operation, string message, bool isTransient, long? reportId = null, int? responseCode = null, int? httpStatus = null, Exception? innerException = null)
        : base($"CyberTipline {operation} failed: {message}", innerException)
    {
        Operation = operation;
        IsTransient = isTransient;
        ReportId = reportId;
        ResponseCode = responseCode;
        HttpStatus = httpStatus;
    }

    /// <summary>The call: <c>submit</c>, <c>upload</c>, <c>fileinfo</c>, <c>finish</c>, <c>retract</c> or <c>status</c>.</summary>
    public string Operation { get; }

    /// <summary>Whether trying again later can help (service down, timeouts, throttling); false for refusals.</summary>
    public bool IsTransient { get; }

    /// <summary>The report the call was about, when there was one.</summary>
    public long? ReportId { get; }

    /// <summary>NCMEC's <c>responseCode</c>, when it answered one.</summary>
    public int? ResponseCode { get; }

    /// <summary>The HTTP status, when there was an answer.</summary>
    public int? HttpStatus { get; }
}
