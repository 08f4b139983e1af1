using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Reports;

/// <summary>What a reporter sees of their case: states with times, the deadline and the resolution in plain words.</summary>
/// <param name="CaseId">The case reference.</param>
/// <param name="Status">Where the case stands.</param>
/// <param name="Category">The category reported.</param>
/// <param name="ReceivedAt">When the report arrived.</param>
/// <param name="DueBy">The deadline the platform aims for.</param>
/// <param name="Timeline">Visible entries, oldest first.</param>
/// <param name="Resolution">The final resolution, once there is one.</param>
public sealed record ReportStatusView(
    string CaseId,
    CaseStatus Status,
    string Category,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DueBy,
    IReadOnlyList<ReportStatusEntry> Timeline,
    string? Resolution);

/// <summary>One visible timeline entry.</summary>
/// <param name="At">When.</param>
/// <param name="Kind">The stable kind.</param>
/// <param name="Text">What the reporter reads.</param>
public sealed record ReportStatusEntry(DateTimeOffset At, string Kind, string Text);
