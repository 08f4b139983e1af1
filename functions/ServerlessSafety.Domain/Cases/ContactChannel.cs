namespace ServerlessSafety.Domain.Cases;

/// <summary>Where the reporter wants notices sent. Stored minimally: a kind and an address, nothing else.</summary>
/// <param name="Kind">Email or webhook.</param>
/// <param name="Address">The email address or the HTTPS webhook URL.</param>
public sealed record ContactChannel(ContactKind Kind, string Address);

/// <summary>The kinds of notice channel.</summary>
public enum ContactKind
{
    /// <summary>An email address.</summary>
    Email,

    /// <summary>An HTTPS URL that receives signed JSON notices.</summary>
    Webhook,
}
