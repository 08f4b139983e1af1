using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace ServerlessSafety.Domain.Reporting;

/// <summary>
/// NCMEC's published schema, loaded from a file when one is at hand. The app does not need it to run: the documents
/// are built to the schema, and this checks them in tests, in the operator's render command and in the local CyberTipline.
/// </summary>
public sealed class CyberTiplineSchema
{
    /// <summary>The schema's file name.</summary>
    public const string FileName = "cyber_tipline.xsd";

    private readonly XmlSchemaSet _schemas;

    private CyberTiplineSchema(XmlSchemaSet schemas)
    {
        _schemas = schemas;
    }

    /// <summary>The file the schema was loaded from.</summary>
    public string? Path { get; private init; }

    /// <summary>Loads the schema from <paramref name="path"/>.</summary>
    /// <exception cref="XmlSchemaException">The file is not a valid schema.</exception>
    public static CyberTiplineSchema Load(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(path, settings);
        var schemas = new XmlSchemaSet { XmlResolver = null };
        schemas.Add(targetNamespace: null, reader);
        schemas.Compile();
        return new CyberTiplineSchema(schemas) { Path = path };
    }

    /// <summary>
    /// Finds the schema beside the repository (<c>../shared/ncmec/cyber_tipline.xsd</c>) by walking up from
    /// <paramref name="startDirectory"/>; null when there is none.
    /// </summary>
    public static string? Find(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "shared", "ncmec", FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The schema's complaints about <paramref name="document"/>; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new List<string>();
        document.Validate(_schemas, (_, e) => problems.Add($"{e.Severity}: {e.Message}"));
        return problems;
    }

    /// <summary>The schema's complaints about a document in text; a document that does not parse is one complaint.</summary>
    public IReadOnlyList<string> Validate(string xml)
    {
        try
        {
            return Validate(XDocument.Parse(xml));
        }
        catch (XmlException e)
        {
            return [$"Error: not well-formed XML: {e.Message}"];
        }
    }
}
