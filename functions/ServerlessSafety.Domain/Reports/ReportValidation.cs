namespace ServerlessSafety.Domain.Reports;

/// <summary>The outcome of validating a submission: a report, or the problems.</summary>
public sealed record ReportValidation
{
    private ReportValidation(ValidReport? report, ValidationErrors? errors)
    {
        Report = report;
        Errors = errors ?? new ValidationErrors();
    }

    /// <summary>The report, when valid.</summary>
    public ValidReport? Report { get; }

    /// <summary>The problems, when invalid.</summary>
    public ValidationErrors Errors { get; }

    /// <summary>Whether the submission is valid.</summary>
    public bool IsValid => Report is not null;

    /// <summary>A valid outcome.</summary>
    public static ReportValidation Valid(ValidReport report) => new(report, null);

    /// <summary>An invalid outcome.</summary>
    public static ReportValidation Invalid(ValidationErrors errors) => new(null, errors);
}
