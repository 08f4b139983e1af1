namespace ServerlessSafety.Domain.Reports;

/// <summary>Problems by field name (camelCase, as the JSON contract names fields), in the order found.</summary>
public sealed class ValidationErrors : Dictionary<string, string[]>
{
    /// <summary>Creates an empty set.</summary>
    public ValidationErrors()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Adds a problem to a field.</summary>
    public void Add(string field, string message)
        => this[field] = TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
