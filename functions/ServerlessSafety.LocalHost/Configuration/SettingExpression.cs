using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace ServerlessSafety.LocalHost.Configuration;

/// <summary>Resolves <c>%setting%</c> expressions in binding values, as the Functions host does.</summary>
internal static partial class SettingExpression
{
    /// <summary>The value with each <c>%name%</c> replaced by its setting.</summary>
    /// <exception cref="InvalidOperationException">A named setting does not exist.</exception>
    public static string Resolve(string value, IConfiguration configuration)
        => Placeholder().Replace(value, match =>
        {
            var name = match.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal);
            return configuration[name] ?? throw new InvalidOperationException($"The setting '{match.Groups[1].Value}' used as %{match.Groups[1].Value}% is not defined.");
        });

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Placeholder();
}
