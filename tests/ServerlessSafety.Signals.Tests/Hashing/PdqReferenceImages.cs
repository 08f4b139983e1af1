using System.Globalization;

namespace ServerlessSafety.Signals.Tests.Hashing;

/// <summary>The public PDQ images and Meta's reference values in ../shared/pdq, when present.</summary>
internal static class PdqReferenceImages
{
    public const string MissingMessage = "../shared/pdq (reference images and reference.csv) is absent; PDQ reference tests skipped.";

    public static string? Directory { get; } = Find();

    public static IReadOnlyList<ReferenceRow> Rows { get; } = Directory is null ? [] : Load(Directory);

    public static string PathOf(string file) => Path.Combine(Directory!, "images", file);

    private static string? Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        for (; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "pdq");
            if (File.Exists(Path.Combine(candidate, "reference.csv")))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    private static List<ReferenceRow> Load(string directory) =>
        File.ReadLines(Path.Combine(directory, "reference.csv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .Select(f => new ReferenceRow(
                f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture),
                int.Parse(f[4], CultureInfo.InvariantCulture), f[5], f[6]))
            .ToList();
}

internal sealed record ReferenceRow(string File, string Pdq, int Quality, int Width, int Height, string Md5, string Sha256);
