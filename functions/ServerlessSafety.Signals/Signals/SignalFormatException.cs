namespace ServerlessSafety.Signals.Signals;

/// <summary>A signal value that is not in its type's form, for example a PDQ hash that is not 64 hex digits.</summary>
/// <remarks>The value is a hash, not content, so it is safe to show in logs and error replies.</remarks>
public sealed class SignalFormatException : FormatException
{
    /// <summary>Creates the error for <paramref name="value"/> of signal type <paramref name="signalType"/>.</summary>
    public SignalFormatException(string signalType, string value, string expected)
        : base($"Not a valid {signalType} value: \"{Shorten(value)}\" ({expected}).")
    {
        SignalType = signalType;
        Value = value;
    }

    /// <summary>The signal type's name.</summary>
    public string SignalType { get; }

    /// <summary>The rejected value, as given.</summary>
    public string Value { get; }

    // Import files can hold arbitrarily long garbage; the message names the value without repeating all of it.
    private static string Shorten(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 77), "...");
}
