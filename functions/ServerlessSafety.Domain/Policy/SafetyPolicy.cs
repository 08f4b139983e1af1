using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Policy;

/// <summary>
/// The platform's safety policy, loaded from <c>policy/safety-policy.yaml</c>: the terms users read and the rules
/// triage and moderators apply come from this one value, so they cannot disagree.
/// </summary>
/// <remarks>Load it with <see cref="SafetyPolicyLoader"/>; a policy that exists has passed validation.</remarks>
public sealed record SafetyPolicy
{
    /// <summary>The policy's version, shown on the terms page.</summary>
    public required string Version { get; init; }

    /// <summary>The platform's name, as users know it.</summary>
    public required string PlatformName { get; init; }

    /// <summary>Where users write to the safety team, if the platform gives an address.</summary>
    public string? SafetyContact { get; init; }

    /// <summary>The categories a report can be filed under, in the order the report page lists them.</summary>
    public required IReadOnlyList<PolicyCategory> Categories { get; init; }

    /// <summary>Services that remove or block images on other platforms too (StopNCII.org, Take It Down).</summary>
    public required IReadOnlyList<SupportResource> RemovalServices { get; init; }

    /// <summary>Where victims find help, as the platform configured it.</summary>
    public required IReadOnlyList<SupportResource> Help { get; init; }

    /// <summary>What the reporter is told when a case is resolved, for every outcome.</summary>
    public required IReadOnlyDictionary<ResolutionOutcome, string> ResolutionNotices { get; init; }

    /// <summary>How triage scores and routes cases.</summary>
    public required TriagePolicy Triage { get; init; }

    /// <summary>The category with that id, or null when the policy has none.</summary>
    public PolicyCategory? FindCategory(string id)
        => Categories.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));

    /// <summary>The category with that id; a case always carries a category the policy knows.</summary>
    /// <exception cref="KeyNotFoundException">The policy has no such category.</exception>
    public PolicyCategory GetCategory(string id)
        => FindCategory(id) ?? throw new KeyNotFoundException($"The safety policy has no category '{id}'.");
}
