namespace ServerlessSafety.Domain.Banks.Import;

/// <summary>The list formats the import knows, by name.</summary>
public static class HashListFormats
{
    /// <summary>The format called <paramref name="name"/> (<c>stopncii</c> or <c>ncmec</c>), or null.</summary>
    public static IHashListFormat? Find(string name) => name.ToLowerInvariant() switch
    {
        StopNciiHashListFormat.FormatName => new StopNciiHashListFormat(),
        NcmecHashListFormat.FormatName => new NcmecHashListFormat(),
        _ => null,
    };
}
