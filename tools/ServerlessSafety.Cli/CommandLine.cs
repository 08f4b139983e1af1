namespace ServerlessSafety.Cli;

/// <summary>The words and <c>--name value</c> options of a command line.</summary>
internal sealed class CommandLine
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--example", "--help" };

    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandLine(List<string> words)
    {
        Words = words;
    }

    public IReadOnlyList<string> Words { get; }

    /// <summary>Parses <paramref name="args"/>; null with <paramref name="error"/> when an option lacks its value.</summary>
    public static CommandLine? Parse(IReadOnlyList<string> args, out string? error)
    {
        var line = new CommandLine([]);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (Flags.Contains(arg) || arg == "-h")
            {
                line._flags.Add(arg == "-h" ? "--help" : arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Count)
                {
                    error = $"{arg} needs a value.";
                    return null;
                }

                line._options[arg] = args[++i];
            }
            else
            {
                ((List<string>)line.Words).Add(arg);
            }
        }

        error = null;
        return line;
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Flag(string name) => _flags.Contains(name);

    public IEnumerable<string> OptionNames => _options.Keys;
}
