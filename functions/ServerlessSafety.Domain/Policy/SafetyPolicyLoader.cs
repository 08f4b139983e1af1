using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ServerlessSafety.Domain.Policy;

/// <summary>Reads and validates the policy file.</summary>
public static class SafetyPolicyLoader
{
    // A policy is a page of text; anything far larger is a mistake (or an attack on the parser).
    private const long MaxFileBytes = 1024 * 1024;

    /// <summary>Loads the policy file at <paramref name="path"/>.</summary>
    /// <exception cref="SafetyPolicyException">The file is missing, not YAML, or fails validation; the message names every problem.</exception>
    public static SafetyPolicy LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new SafetyPolicyException(fullPath, [new PolicyProblem("(file)", "not found; set Policy:Path to the policy file")]);
        }

        if (new FileInfo(fullPath).Length > MaxFileBytes)
        {
            throw new SafetyPolicyException(fullPath, [new PolicyProblem("(file)", $"larger than {MaxFileBytes} bytes")]);
        }

        return Parse(File.ReadAllText(fullPath), fullPath);
    }

    /// <summary>Parses policy YAML; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="SafetyPolicyException">The text is not YAML or fails validation.</exception>
    public static SafetyPolicy Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        PolicyDocument? document;
        try
        {
            document = new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .Build()
                .Deserialize<PolicyDocument?>(yaml);
        }
        catch (YamlException e)
        {
            var where = $"line {e.Start.Line}, column {e.Start.Column}";
            var reason = e.InnerException?.Message ?? e.Message;
            throw new SafetyPolicyException(source, [new PolicyProblem(where, reason)], e);
        }

        if (document is null)
        {
            throw new SafetyPolicyException(source, [new PolicyProblem("(file)", "empty")]);
        }

        var validator = new PolicyDocumentValidator();
        return validator.Validate(document) ?? throw new SafetyPolicyException(source, validator.Problems);
    }
}
