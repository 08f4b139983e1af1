namespace ServerlessSafety.Domain.Policy;

/// <summary>When a category's cases must be reported to NCMEC's CyberTipline.</summary>
public enum NcmecReportRule
{
    /// <summary>Never (no minor can be involved in such a case by definition).</summary>
    Never,

    /// <summary>When anyone involved is, or may be, under 18.</summary>
    WhenMinorInvolved,

    /// <summary>Always (child sexual abuse material; 18 U.S.C. 2258A).</summary>
    Always,
}
