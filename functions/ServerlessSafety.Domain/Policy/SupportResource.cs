namespace ServerlessSafety.Domain.Policy;

/// <summary>A service or helpline a victim is pointed to.</summary>
/// <param name="Id">A stable id for removal services (categories refer to them); null for help resources.</param>
/// <param name="Name">Its name.</param>
/// <param name="Url">An absolute HTTPS link.</param>
/// <param name="Description">What it does, in plain words.</param>
/// <param name="Phone">A phone number, when it has one.</param>
public sealed record SupportResource(string? Id, string Name, Uri Url, string Description, string? Phone = null);
