using System.Net.Mail;
using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Reports;

/// <summary>Checks a submission field by field and normalizes it; every problem is named with its field.</summary>
public sealed class ReportValidator
{
    private static readonly Dictionary<string, int> HashHexLengths = new(StringComparer.Ordinal)
    {
        ["pdq"] = 64,
        ["md5"] = 32,
        ["sha256"] = 64,
    };

    private readonly IReportCategories _categories;

    /// <summary>Creates a validator for the policy's categories.</summary>
    public ReportValidator(IReportCategories categories)
    {
        _categories = categories;
    }

    /// <summary>Validates <paramref name="submission"/>; the result holds either the report or the problems.</summary>
    /// <param name="submission">The fields as received.</param>
    /// <param name="hasEvidence">Whether a file is attached, which on its own says what is reported.</param>
    public ReportValidation Validate(ReportSubmission submission, bool hasEvidence = false)
    {
        var errors = new ValidationErrors();

        var category = submission.Category?.Trim();
        if (string.IsNullOrEmpty(category))
        {
            errors.Add("category", "Choose what kind of abuse this is.");
        }
        else if (!_categories.All.Any(c => c.Id == category))
        {
            errors.Add("category", $"Unknown category. Use one of: {string.Join(", ", _categories.All.Select(c => c.Id))}.");
        }

        var contentUrl = Field(errors, "contentUrl", submission.ContentUrl, ReportLimits.MaxFieldLength);
        if (contentUrl is not null && !(Uri.TryCreate(contentUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add("contentUrl", "Give the full link, starting with https://.");
        }

        var subject = new ReportedSubject(
            contentUrl,
            Field(errors, "uploadId", submission.UploadId, 256),
            Field(errors, "account", submission.Account, ReportLimits.MaxFieldLength),
            Field(errors, "message", submission.Message, ReportLimits.MaxFieldLength));
        if (subject.IsEmpty && !hasEvidence)
        {
            errors.Add("contentUrl", "Tell us what to look at: a link, an upload id, an account or a message.");
        }

        var justification = Field(errors, "justification", submission.Justification, ReportLimits.MaxJustificationLength);
        var contact = Contact(errors, submission.Contact);
        var hashes = Hashes(errors, submission.Hashes);

        if (errors.Count > 0)
        {
            return ReportValidation.Invalid(errors);
        }

        return ReportValidation.Valid(new ValidReport(
            category!,
            subject,
            justification,
            submission.ReporterIsDepicted ?? false,
            submission.InvolvesMinor ?? false,
            contact,
            hashes,
            []));
    }

    private static string? Field(ValidationErrors errors, string name, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            errors.Add(name, $"Keep this under {maxLength} characters.");
            return null;
        }

        return trimmed;
    }

    private static ContactChannel? Contact(ValidationErrors errors, ReportContact? contact)
    {
        var email = contact?.Email?.Trim();
        var webhook = contact?.Webhook?.Trim();
        if (string.IsNullOrEmpty(email) && string.IsNullOrEmpty(webhook))
        {
            return null;
        }

        if (!string.IsNullOrEmpty(email) && !string.IsNullOrEmpty(webhook))
        {
            errors.Add("contact", "Give an email address or a webhook, not both.");
            return null;
        }

        if (!string.IsNullOrEmpty(email))
        {
            if (email.Length > 254 || !MailAddress.TryCreate(email, out var address) || address.Address != email)
            {
                errors.Add("contact.email", "This does not look like an email address.");
                return null;
            }

            return new ContactChannel(ContactKind.Email, email);
        }

        if (webhook!.Length > ReportLimits.MaxFieldLength || !Uri.TryCreate(webhook, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add("contact.webhook", "A webhook must be a full https:// URL.");
            return null;
        }

        return new ContactChannel(ContactKind.Webhook, uri.AbsoluteUri);
    }

    private static IReadOnlyList<ContentHash> Hashes(ValidationErrors errors, IReadOnlyList<ReportedHash>? hashes)
    {
        if (hashes is null || hashes.Count == 0)
        {
            return [];
        }

        if (hashes.Count > ReportLimits.MaxHashes)
        {
            errors.Add("hashes", $"Send at most {ReportLimits.MaxHashes} hashes.");
            return [];
        }

        var normalized = new List<ContentHash>();
        for (var i = 0; i < hashes.Count; i++)
        {
            var type = hashes[i]?.SignalType?.Trim().ToLowerInvariant();
            var value = hashes[i]?.Value?.Trim().ToLowerInvariant();
            if (type is null || !HashHexLengths.TryGetValue(type, out var length))
            {
                errors.Add($"hashes[{i}].signalType", "Use pdq, md5 or sha256.");
            }
            else if (value is null || value.Length != length || !value.All(Uri.IsHexDigit))
            {
                errors.Add($"hashes[{i}].value", $"A {type} hash is {length} hexadecimal characters.");
            }
            else
            {
                normalized.Add(new ContentHash(type, value));
            }
        }

        return normalized.Distinct().ToList();
    }
}
