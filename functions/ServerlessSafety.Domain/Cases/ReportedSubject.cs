namespace ServerlessSafety.Domain.Cases;

/// <summary>What a case is about: at least one of the fields is set.</summary>
/// <param name="ContentUrl">A link to the content on the platform.</param>
/// <param name="UploadId">The platform's id of an upload (the blob name in <c>uploads</c>).</param>
/// <param name="Account">The account reported.</param>
/// <param name="Message">A message id or the text of a threatening message.</param>
public sealed record ReportedSubject(string? ContentUrl, string? UploadId, string? Account, string? Message)
{
    /// <summary>Whether anything is named at all.</summary>
    public bool IsEmpty => ContentUrl is null && UploadId is null && Account is null && Message is null;
}
