namespace ServerlessSafety.Domain.Policy;

// The policy file as written, before validation: every field optional and text, so the validator can say
// what is missing or wrong instead of the YAML parser failing on the first surprise.
#pragma warning disable CS1591
internal sealed class PolicyDocument
{
    public string? Version { get; set; }

    public PlatformDocument? Platform { get; set; }

    public string? DefaultResolveWithin { get; set; }

    public List<CategoryDocument>? Categories { get; set; }

    public List<ResourceDocument>? RemovalServices { get; set; }

    public List<ResourceDocument>? Help { get; set; }

    public Dictionary<string, string>? ResolutionNotices { get; set; }

    public TriageDocument? Triage { get; set; }
}

internal sealed class PlatformDocument
{
    public string? Name { get; set; }

    public string? SafetyContact { get; set; }
}

internal sealed class CategoryDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Prohibited { get; set; }

    public int? Severity { get; set; }

    public string? ResolveWithin { get; set; }

    public string? NcmecReport { get; set; }

    public List<StepDocument>? Ladder { get; set; }

    public VictimDocument? Victim { get; set; }
}

internal sealed class StepDocument
{
    public string? Action { get; set; }

    public string? Duration { get; set; }
}

internal sealed class VictimDocument
{
    public List<string>? DoNow { get; set; }

    public List<string>? RemoveElsewhere { get; set; }
}

internal sealed class ResourceDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Url { get; set; }

    public string? Description { get; set; }

    public string? Phone { get; set; }
}

internal sealed class TriageDocument
{
    public bool? VerifiedBankSkipsReview { get; set; }

    public WeightsDocument? Weights { get; set; }
}

internal sealed class WeightsDocument
{
    public int? Severity { get; set; }

    public int? MinorInvolved { get; set; }

    public int? VerifiedBankMatch { get; set; }

    public int? BankMatch { get; set; }

    public int? PriorStrike { get; set; }

    public int? PriorStrikesCounted { get; set; }

    public int? DeadlineSoon { get; set; }

    public string? DeadlineSoonWithin { get; set; }

    public int? Overdue { get; set; }
}
#pragma warning restore CS1591
