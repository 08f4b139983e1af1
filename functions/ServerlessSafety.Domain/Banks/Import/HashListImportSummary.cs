namespace ServerlessSafety.Domain.Banks.Import;

/// <summary>What an import did. Every bad line is counted; the first <see cref="HashListImporter.MaxErrorsKept"/> are listed.</summary>
/// <param name="Bank">The bank imported into.</param>
/// <param name="Source">The list's source name.</param>
/// <param name="Added">Hashes added (or whose record changed).</param>
/// <param name="Withdrawn">Hashes withdrawn from the bank.</param>
/// <param name="Unchanged">Entries that changed nothing (already there, or withdrawing what was not there).</param>
/// <param name="ErrorCount">Lines that could not be used.</param>
/// <param name="Errors">The first of those lines and why.</param>
/// <param name="Checkpoint">Where the list was read to; resume an interrupted import from here.</param>
public sealed record HashListImportSummary(
    string Bank,
    string Source,
    int Added,
    int Withdrawn,
    int Unchanged,
    int ErrorCount,
    IReadOnlyList<HashListLineError> Errors,
    string? Checkpoint);
