using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Domain.Banks;

/// <summary>The signal types a bank holds, and the one normalization every write and lookup goes through.</summary>
public static class BankSignalTypes
{
    /// <summary>PDQ perceptual hash: 256 bits, 64 hex digits.</summary>
    public const string Pdq = PdqSignal.TypeName;

    /// <summary>MD5 of the bytes: 32 hex digits.</summary>
    public const string Md5 = Md5Signal.TypeName;

    /// <summary>SHA-256 of the bytes: 64 hex digits.</summary>
    public const string Sha256 = Sha256Signal.TypeName;

    /// <summary>
    /// The canonical form of <paramref name="value"/> for <paramref name="signalType"/>; null, with a reason in
    /// <paramref name="problem"/>, when the type is unknown or the value is not of that type.
    /// </summary>
    public static string? Normalize(string signalType, string? value, out string? problem)
    {
        var type = SignalTypes.All.FirstOrDefault(t => t.Name == signalType);
        if (type is null)
        {
            problem = $"unknown signal type '{signalType}'";
            return null;
        }

        if (!type.TryNormalize(value, out var normalized))
        {
            problem = $"not a valid {signalType} value";
            return null;
        }

        problem = null;
        return normalized;
    }
}
