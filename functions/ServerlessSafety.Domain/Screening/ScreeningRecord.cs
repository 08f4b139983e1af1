using ServerlessSafety.Domain.Content;

namespace ServerlessSafety.Domain.Screening;

/// <summary>
/// What screening found for one upload: the document in Cosmos DB container <c>screenings</c>, one per upload
/// (id derived from the upload name), so screening the same upload again replaces it rather than adding one.
/// </summary>
public sealed record ScreeningRecord
{
    /// <summary>The document id, <see cref="UploadKey.For"/> of the upload name.</summary>
    public required string Id { get; init; }

    /// <summary>The upload's blob name in <c>uploads</c>.</summary>
    public required string Upload { get; init; }

    /// <summary>The verdict.</summary>
    public required ScreeningResult Result { get; init; }

    /// <summary>Why the upload could not be hashed (an <c>UnhashableReason</c> name), when it could not.</summary>
    public string? UnhashableReason { get; init; }

    /// <summary>The upload's hashes.</summary>
    public required UploadHashes Hashes { get; init; }

    /// <summary>The matches that blocked the upload, best first.</summary>
    public IReadOnlyList<HashMatch> Matches { get; init; } = [];

    /// <summary>Matches a suppression bank cancelled, and the suppression matches themselves.</summary>
    public IReadOnlyList<HashMatch> Suppressed { get; init; } = [];

    /// <summary>Where the content is now when it left <c>uploads</c>.</summary>
    public BlobLocation? HeldAt { get; init; }

    /// <summary>The case opened for a blocked upload.</summary>
    public string? CaseId { get; init; }

    /// <summary>When the screening finished.</summary>
    public required DateTimeOffset ScreenedAt { get; init; }

    /// <summary>Where the time went.</summary>
    public required ScreeningTimings Timings { get; init; }
}
