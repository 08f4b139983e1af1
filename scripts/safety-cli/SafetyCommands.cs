using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSafety.Domain.Banks;
using ServerlessSafety.Domain.Banks.Import;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Screening;
using ServerlessSafety.Signals.Hashing;

namespace ServerlessSafety.SafetyCli;

/// <summary>The commands of <c>scripts/safety</c>. Results go to stdout as JSON lines; errors to stderr with a non-zero exit.</summary>
internal static class SafetyCommands
{
    private const string Usage = """
        usage: scripts/safety <command>
          hash FILE...                                   one JSON line per file: path, pdq, quality, md5, sha256 (or error)
          bank import --bank BANK --format stopncii|ncmec FILE
          bank add --bank BANK [--source SOURCE] [--quality Q] TYPE VALUE     TYPE is pdq, md5 or sha256
          bank remove --bank BANK [--source SOURCE] TYPE VALUE
          bank lookup TYPE VALUE
          match FILE...                                  matches each file against the configured bank
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        try
        {
            var line = new CommandLine(args.Skip(args.Length > 0 && args[0] == "bank" ? 2 : 1));
            return (args.ElementAtOrDefault(0), args.ElementAtOrDefault(1)) switch
            {
                ("hash", _) => Hash(line.Positional, output, errors),
                ("match", _) => await MatchAsync(line.Positional, output, errors),
                ("bank", "import") => await ImportAsync(line, output),
                ("bank", "add") => await ChangeAsync(line, add: true, output),
                ("bank", "remove") => await ChangeAsync(line, add: false, output),
                ("bank", "lookup") => await LookupAsync(line, output, errors),
                _ => throw new UsageException("Unknown command."),
            };
        }
        catch (UsageException e)
        {
            await errors.WriteLineAsync(e.Message + Environment.NewLine + Usage);
            return 64;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync("safety: " + e.Message);
            return 1;
        }
    }

    private static int Hash(IReadOnlyList<string> files, TextWriter output, TextWriter errors)
    {
        if (files.Count == 0)
        {
            throw new UsageException("hash needs at least one file.");
        }

        var hasher = new UploadHasher();
        var failed = false;
        foreach (var path in files)
        {
            if (Read(path, errors) is not { } content)
            {
                failed = true;
                continue;
            }

            var hashed = hasher.Hash(content);
            output.WriteLine(JsonSerializer.Serialize(
                new HashLine(path, hashed.Hashes.Pdq, hashed.Hashes.PdqQuality, hashed.Hashes.Md5!, hashed.Hashes.Sha256!, hashed.Unhashable?.ToString()), Json));
        }

        return failed ? 1 : 0;
    }

    private static async Task<int> MatchAsync(IReadOnlyList<string> files, TextWriter output, TextWriter errors)
    {
        if (files.Count == 0)
        {
            throw new UsageException("match needs at least one file.");
        }

        await using var services = await SafetyServices.BuildAsync();
        var hasher = new UploadHasher();
        var matcher = services.GetRequiredService<BankMatcher>();
        var failed = false;
        foreach (var path in files)
        {
            if (Read(path, errors) is not { } content)
            {
                failed = true;
                continue;
            }

            var hashed = hasher.Hash(content);
            var outcome = await matcher.MatchAsync(hashed.Hashes, hashed.PdqVariants);
            await output.WriteLineAsync(JsonSerializer.Serialize(new MatchLine(path, outcome.IsMatch, hashed.Hashes, outcome.Blocking, outcome.Suppressed), Json));
        }

        return failed ? 1 : 0;
    }

    private static async Task<int> ImportAsync(CommandLine line, TextWriter output)
    {
        var format = HashListFormats.Find(line.Required("format")) ?? throw new UsageException("--format is stopncii or ncmec.");
        var path = line.Positional.SingleOrDefault() ?? throw new UsageException("bank import needs one file.");
        await using var services = await SafetyServices.BuildAsync();
        using var reader = new StreamReader(path);
        var summary = await services.GetRequiredService<HashListImporter>().ImportAsync(new HashListFileSource(reader, format), line.Required("bank"));
        await output.WriteLineAsync(JsonSerializer.Serialize(summary, Json));
        return summary.ErrorCount == 0 ? 0 : 2;
    }

    private static async Task<int> ChangeAsync(CommandLine line, bool add, TextWriter output)
    {
        var bankName = line.Required("bank");
        var hash = ParseHash(line, add ? line.Optional("quality") : null);
        var source = line.Optional("source") ?? "manual";
        await using var services = await SafetyServices.BuildAsync();
        services.GetRequiredService<BankCatalog>().Get(bankName);
        var store = services.GetRequiredService<IBankStore>();
        var change = add
            ? await store.AddAsync(hash, new BankMembership(bankName, source, DateTimeOffset.UtcNow, hash.Quality))
            : await store.RemoveAsync(hash, bankName, line.Optional("source"));
        await output.WriteLineAsync(JsonSerializer.Serialize(new { bank = bankName, hash.SignalType, hash.Value, change }, Json));
        return 0;
    }

    private static async Task<int> LookupAsync(CommandLine line, TextWriter output, TextWriter errors)
    {
        var hash = ParseHash(line, null);
        await using var services = await SafetyServices.BuildAsync();
        var banked = await services.GetRequiredService<IBankStore>().GetAsync(hash.SignalType, hash.Value);
        if (banked is null)
        {
            await errors.WriteLineAsync($"safety: no bank holds {hash.SignalType} {hash.Value}.");
            return 1;
        }

        await output.WriteLineAsync(JsonSerializer.Serialize(banked, Json));
        return 0;
    }

    private static ContentHash ParseHash(CommandLine line, string? qualityText)
    {
        if (line.Positional.Count != 2)
        {
            throw new UsageException("Give the signal type and the value.");
        }

        var type = line.Positional[0].ToLowerInvariant();
        var value = BankSignalTypes.Normalize(type, line.Positional[1], out var problem) ?? throw new UsageException(problem!);
        int? quality = qualityText is null ? null : int.TryParse(qualityText, out var q) && q is >= 0 and <= 100 ? q : throw new UsageException("--quality is 0 to 100.");
        return new ContentHash(type, value, type == BankSignalTypes.Pdq ? quality : null);
    }

    private static byte[]? Read(string path, TextWriter errors)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > new PdqHasherOptions().MaxContentBytes)
            {
                errors.WriteLine($"safety: {path}: larger than {new PdqHasherOptions().MaxContentBytes} bytes.");
                return null;
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"safety: {path}: {e.Message}");
            return null;
        }
    }

    private sealed record HashLine(string Path, string? Pdq, int? Quality, string Md5, string Sha256, string? Error);

    private sealed record MatchLine(string Path, bool Matched, UploadHashes Hashes, IReadOnlyList<HashMatch> Matches, IReadOnlyList<HashMatch> Suppressed);
}
