namespace ServerlessSafety.Signals.Signals;

/// <summary>The signal types this project knows, looked up by stored name.</summary>
public static class SignalTypes
{
    /// <summary>PDQ, MD5 and SHA-256.</summary>
    public static IReadOnlyList<ISignalType> All { get; } = [PdqSignal.Instance, Md5Signal.Instance, Sha256Signal.Instance];

    /// <summary>The type named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such type; the message names it.</exception>
    public static ISignalType FromName(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown signal type \"{name}\"; expected pdq, md5 or sha256.", nameof(name));
}
