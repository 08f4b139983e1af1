namespace ServerlessSafety.Domain.Banks;

/// <summary>A bank name that is not in the <c>HashMatching</c> configuration. Permanent: retrying cannot help.</summary>
public sealed class UnknownBankException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="bank"/>.</summary>
    public UnknownBankException(string bank)
        : base($"Bank '{bank}' is not configured (HashMatching:Banks).")
    {
        Bank = bank;
    }

    /// <summary>The unknown bank name.</summary>
    public string Bank { get; }
}
