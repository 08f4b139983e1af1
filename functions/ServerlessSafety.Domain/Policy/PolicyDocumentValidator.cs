using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Policy;

// Turns the file as written into a SafetyPolicy, collecting every problem rather than stopping at the first,
// so an operator fixes the file in one pass.
internal sealed class PolicyDocumentValidator
{
    /// <summary>The category ids the report contract and the pages rely on; a policy has exactly these.</summary>
    public static readonly IReadOnlyList<string> CategoryIds = ["sextortion", "ncii", "csam", "harassment", "other"];

    // The TAKE IT DOWN Act gives platforms 48 hours to remove intimate images after a valid request.
    private static readonly TimeSpan LongestDeadline = TimeSpan.FromHours(48);

    private readonly List<PolicyProblem> _problems = [];

    public IReadOnlyList<PolicyProblem> Problems => _problems;

    public SafetyPolicy? Validate(PolicyDocument document)
    {
        var version = Required(document.Version, "version");
        var platformName = Required(document.Platform?.Name, "platform.name");
        var defaultDeadline = document.DefaultResolveWithin is null ? (TimeSpan?)null : Deadline(document.DefaultResolveWithin, "defaultResolveWithin");
        var removal = Resources(document.RemovalServices, "removalServices", requireId: true);
        var help = Resources(document.Help, "help", requireId: false);
        if (document.Help is { Count: 0 })
        {
            Problem("help", "list at least one place where victims find help");
        }

        var categories = Categories(document.Categories, defaultDeadline, removal);
        var notices = Notices(document.ResolutionNotices);
        var triage = Triage(document.Triage);

        if (_problems.Count > 0)
        {
            return null;
        }

        return new SafetyPolicy
        {
            Version = version!,
            PlatformName = platformName!,
            SafetyContact = document.Platform?.SafetyContact,
            Categories = categories,
            RemovalServices = removal,
            Help = help,
            ResolutionNotices = notices,
            Triage = triage!,
        };
    }

    private List<PolicyCategory> Categories(List<CategoryDocument>? documents, TimeSpan? defaultDeadline, IReadOnlyList<SupportResource> removal)
    {
        var categories = new List<PolicyCategory>();
        if (documents is null || documents.Count == 0)
        {
            Problem("categories", $"the policy needs the categories {string.Join(", ", CategoryIds)}");
            return categories;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            var path = document.Id is null ? $"categories[{i}]" : $"categories[{document.Id}]";
            if (document.Id is null)
            {
                Problem($"{path}.id", "missing");
                continue;
            }

            if (!CategoryIds.Contains(document.Id))
            {
                Problem($"{path}.id", $"unknown category '{document.Id}'; the categories are {string.Join(", ", CategoryIds)}");
                continue;
            }

            if (!seen.Add(document.Id))
            {
                Problem($"{path}.id", "the category is defined twice");
                continue;
            }

            var category = Category(document, path, defaultDeadline, removal);
            if (category is not null)
            {
                categories.Add(category);
            }
        }

        foreach (var missing in CategoryIds.Where(id => !seen.Contains(id)))
        {
            Problem("categories", $"category '{missing}' is missing");
        }

        return categories;
    }

    private PolicyCategory? Category(CategoryDocument document, string path, TimeSpan? defaultDeadline, IReadOnlyList<SupportResource> removal)
    {
        var id = document.Id!;
        var name = Required(document.Name, $"{path}.name");
        var prohibited = Required(document.Prohibited, $"{path}.prohibited");
        if (document.Severity is not (>= 1 and <= 5))
        {
            Problem($"{path}.severity", document.Severity is null ? "missing; give 1 (least) to 5 (most severe)" : $"{document.Severity} is out of range; give 1 to 5");
        }

        TimeSpan? deadline = document.ResolveWithin is not null ? Deadline(document.ResolveWithin, $"{path}.resolveWithin") : defaultDeadline;
        if (document.ResolveWithin is null && defaultDeadline is null)
        {
            Problem($"{path}.resolveWithin", "missing deadline: set it here or set defaultResolveWithin");
        }

        var rule = NcmecRule(document.NcmecReport, id, $"{path}.ncmecReport");
        var ladder = Ladder(document.Ladder, $"{path}.ladder");
        var victim = Victim(document.Victim, $"{path}.victim", removal);

        return name is null || prohibited is null || document.Severity is not (>= 1 and <= 5) || deadline is null || rule is null || ladder is null || victim is null
            ? null
            : new PolicyCategory(id, name, prohibited, document.Severity.Value, deadline.Value, rule.Value, ladder, victim);
    }

    private NcmecReportRule? NcmecRule(string? text, string categoryId, string path)
    {
        if (text is null)
        {
            Problem(path, "missing; give always, whenMinorInvolved or never");
            return null;
        }

        if (!Enum.TryParse<NcmecReportRule>(text, ignoreCase: true, out var rule) || !Enum.IsDefined(rule))
        {
            Problem(path, $"'{text}' is not one of always, whenMinorInvolved, never");
            return null;
        }

        // 18 U.S.C. 2258A: apparent child sexual abuse material is always reported; a minor is always reportable.
        if (categoryId == "csam" && rule != NcmecReportRule.Always)
        {
            Problem(path, "child sexual abuse material must always be reported to NCMEC (18 U.S.C. 2258A); set always");
            return null;
        }

        if (rule == NcmecReportRule.Never)
        {
            Problem(path, "a case involving a minor must be reported to NCMEC; set whenMinorInvolved or always");
            return null;
        }

        return rule;
    }

    private List<ConsequenceStep>? Ladder(List<StepDocument>? steps, string path)
    {
        if (steps is null || steps.Count == 0)
        {
            Problem(path, "the ladder is empty; give at least one step (warning, suspension with a duration, permanentBan)");
            return null;
        }

        var ladder = new List<ConsequenceStep>();
        var valid = true;
        for (var i = 0; i < steps.Count; i++)
        {
            var stepPath = $"{path}[{i}]";
            var step = steps[i];
            if (ladder.Count > 0 && ladder[^1].Action == ConsequenceAction.PermanentBan)
            {
                Problem(stepPath, "no step can follow a permanent ban");
                valid = false;
                continue;
            }

            if (step.Action is null || !Enum.TryParse<ConsequenceAction>(step.Action, ignoreCase: true, out var action) || !Enum.IsDefined(action))
            {
                Problem($"{stepPath}.action", step.Action is null ? "missing; give warning, suspension or permanentBan" : $"'{step.Action}' is not one of warning, suspension, permanentBan");
                valid = false;
                continue;
            }

            if (action == ConsequenceAction.Suspension)
            {
                if (step.Duration is null)
                {
                    Problem($"{stepPath}.duration", "a suspension needs a duration, for example 7d");
                    valid = false;
                    continue;
                }

                if (!DurationText.TryParse(step.Duration, out var duration) || duration <= TimeSpan.Zero)
                {
                    Problem($"{stepPath}.duration", $"'{step.Duration}' is not a duration such as 7d or 12h");
                    valid = false;
                    continue;
                }

                ladder.Add(new ConsequenceStep(action, duration));
            }
            else if (step.Duration is not null)
            {
                Problem($"{stepPath}.duration", $"only a suspension has a duration, not {step.Action}");
                valid = false;
            }
            else
            {
                ladder.Add(new ConsequenceStep(action));
            }
        }

        return valid ? ladder : null;
    }

    private VictimGuidance? Victim(VictimDocument? document, string path, IReadOnlyList<SupportResource> removal)
    {
        if (document?.DoNow is null || document.DoNow.Count == 0 || document.DoNow.Any(string.IsNullOrWhiteSpace))
        {
            Problem($"{path}.doNow", "tell the victim what to do now: at least one step, none empty");
            return null;
        }

        var services = new List<SupportResource>();
        foreach (var id in document.RemoveElsewhere ?? [])
        {
            var service = removal.FirstOrDefault(r => r.Id == id);
            if (service is null)
            {
                Problem($"{path}.removeElsewhere", $"unknown removal service '{id}'; define it under removalServices");
                return null;
            }

            services.Add(service);
        }

        return new VictimGuidance(document.DoNow.Select(s => s.Trim()).ToList(), services);
    }

    private List<SupportResource> Resources(List<ResourceDocument>? documents, string path, bool requireId)
    {
        var resources = new List<SupportResource>();
        if (documents is null)
        {
            Problem(path, "missing");
            return resources;
        }

        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            var itemPath = $"{path}[{document.Id ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";
            if (requireId && string.IsNullOrWhiteSpace(document.Id))
            {
                Problem($"{itemPath}.id", "missing; categories refer to removal services by id");
            }

            var name = Required(document.Name, $"{itemPath}.name");
            var description = Required(document.Description, $"{itemPath}.description");
            if (!Uri.TryCreate(document.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            {
                Problem($"{itemPath}.url", document.Url is null ? "missing" : $"'{document.Url}' is not an absolute https link");
                continue;
            }

            if (name is not null && description is not null)
            {
                resources.Add(new SupportResource(requireId ? document.Id : null, name, url, description, document.Phone));
            }
        }

        return resources;
    }

    private Dictionary<ResolutionOutcome, string> Notices(Dictionary<string, string>? documents)
    {
        var notices = new Dictionary<ResolutionOutcome, string>();
        foreach (var (key, text) in documents ?? [])
        {
            if (!Enum.TryParse<ResolutionOutcome>(key, ignoreCase: true, out var outcome) || !Enum.IsDefined(outcome))
            {
                Problem($"resolutionNotices.{key}", $"unknown outcome; the outcomes are {string.Join(", ", Enum.GetNames<ResolutionOutcome>().Select(Camel))}");
            }
            else if (Required(text, $"resolutionNotices.{key}") is { } notice)
            {
                notices[outcome] = notice;
            }
        }

        foreach (var outcome in Enum.GetValues<ResolutionOutcome>().Where(o => !notices.ContainsKey(o)))
        {
            if (documents is null || !documents.Keys.Any(k => string.Equals(k, outcome.ToString(), StringComparison.OrdinalIgnoreCase)))
            {
                Problem($"resolutionNotices.{Camel(outcome.ToString())}", "missing: what the reporter is told for this outcome");
            }
        }

        return notices;
    }

    private TriagePolicy? Triage(TriageDocument? document)
    {
        if (document is null)
        {
            Problem("triage", "missing");
            return null;
        }

        if (document.VerifiedBankSkipsReview is null)
        {
            Problem("triage.verifiedBankSkipsReview", "missing; say true or false");
        }

        var weights = document.Weights;
        if (weights is null)
        {
            Problem("triage.weights", "missing");
            return null;
        }

        int Weight(int? value, string name)
        {
            if (value is null or < 0)
            {
                Problem($"triage.weights.{name}", value is null ? "missing" : "must not be negative");
                return 0;
            }

            return value.Value;
        }

        var result = new TriageWeights(
            Weight(weights.Severity, "severity"),
            Weight(weights.MinorInvolved, "minorInvolved"),
            Weight(weights.VerifiedBankMatch, "verifiedBankMatch"),
            Weight(weights.BankMatch, "bankMatch"),
            Weight(weights.PriorStrike, "priorStrike"),
            Weight(weights.PriorStrikesCounted, "priorStrikesCounted"),
            Weight(weights.DeadlineSoon, "deadlineSoon"),
            Duration(weights.DeadlineSoonWithin, "triage.weights.deadlineSoonWithin") ?? TimeSpan.Zero,
            Weight(weights.Overdue, "overdue"));
        return new TriagePolicy(document.VerifiedBankSkipsReview ?? false, result);
    }

    private TimeSpan? Deadline(string text, string path)
    {
        var deadline = Duration(text, path);
        if (deadline > LongestDeadline)
        {
            Problem(path, $"{text} is longer than 48h, the longest resolution deadline allowed");
            return null;
        }

        return deadline;
    }

    private TimeSpan? Duration(string? text, string path)
    {
        if (text is null)
        {
            Problem(path, "missing; give a duration such as 48h");
            return null;
        }

        if (!DurationText.TryParse(text, out var duration) || duration <= TimeSpan.Zero)
        {
            Problem(path, $"'{text}' is not a positive duration such as 48h, 30m or 7d");
            return null;
        }

        return duration;
    }

    private string? Required(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Problem(path, "missing");
            return null;
        }

        return value.Trim();
    }

    private void Problem(string path, string message) => _problems.Add(new PolicyProblem(path, message));

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
