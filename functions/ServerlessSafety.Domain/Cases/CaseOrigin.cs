namespace ServerlessSafety.Domain.Cases;

/// <summary>How a case began.</summary>
public enum CaseOrigin
{
    /// <summary>A person reported it.</summary>
    Report,

    /// <summary>An upload matched a hash in the bank.</summary>
    UploadMatch,
}
