namespace ServerlessSafety.Domain.Reporting;

/// <summary>The incident types of the CyberTipline schema (<c>incidentType</c>).</summary>
public enum CyberTiplineIncidentType
{
    /// <summary>Child pornography (possession, manufacture, and distribution): child sexual abuse material.</summary>
    ChildPornography,

    /// <summary>Child sex trafficking.</summary>
    ChildSexTrafficking,

    /// <summary>Child sex tourism.</summary>
    ChildSexTourism,

    /// <summary>Child sexual molestation.</summary>
    ChildSexualMolestation,

    /// <summary>Misleading domain name.</summary>
    MisleadingDomainName,

    /// <summary>Misleading words or digital images on the internet.</summary>
    MisleadingWordsOrDigitalImages,

    /// <summary>Online enticement of children for sexual acts (grooming, sextortion).</summary>
    OnlineEnticement,

    /// <summary>Unsolicited obscene material sent to a child.</summary>
    UnsolicitedObsceneMaterialSentToAChild,
}

/// <summary>The schema's wording of each <see cref="CyberTiplineIncidentType"/>.</summary>
public static class CyberTiplineIncidentTypeText
{
    /// <summary>The exact enumeration value the schema expects.</summary>
    public static string ToSchemaText(this CyberTiplineIncidentType type) => type switch
    {
        CyberTiplineIncidentType.ChildPornography => "Child Pornography (possession, manufacture, and distribution)",
        CyberTiplineIncidentType.ChildSexTrafficking => "Child Sex Trafficking",
        CyberTiplineIncidentType.ChildSexTourism => "Child Sex Tourism",
        CyberTiplineIncidentType.ChildSexualMolestation => "Child Sexual Molestation",
        CyberTiplineIncidentType.MisleadingDomainName => "Misleading Domain Name",
        CyberTiplineIncidentType.MisleadingWordsOrDigitalImages => "Misleading Words or Digital Images on the Internet",
        CyberTiplineIncidentType.OnlineEnticement => "Online Enticement of Children for Sexual Acts",
        CyberTiplineIncidentType.UnsolicitedObsceneMaterialSentToAChild => "Unsolicited Obscene Material Sent to a Child",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a CyberTipline incident type."),
    };
}
