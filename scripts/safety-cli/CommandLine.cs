namespace ServerlessSafety.SafetyCli;

/// <summary>Positional arguments and <c>--name value</c> options, nothing more.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    public CommandLine(IEnumerable<string> args)
    {
        using var items = args.GetEnumerator();
        while (items.MoveNext())
        {
            if (items.Current.StartsWith("--", StringComparison.Ordinal))
            {
                var name = items.Current[2..];
                _options[name] = items.MoveNext() ? items.Current : throw new UsageException($"--{name} needs a value.");
            }
            else
            {
                Positional.Add(items.Current);
            }
        }
    }

    public List<string> Positional { get; } = [];

    public string Required(string name) => _options.TryGetValue(name, out var value) ? value : throw new UsageException($"--{name} is required.");

    public string? Optional(string name) => _options.GetValueOrDefault(name);
}

/// <summary>The command line is wrong; the message says how.</summary>
internal sealed class UsageException(string message) : Exception(message);
