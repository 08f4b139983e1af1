using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServerlessSafety.Domain.Banks;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Content;
using ServerlessSafety.Domain.Screening;
using ServerlessSafety.Domain.Tests.Fakes;
using ServerlessSafety.Domain.Tests.Policy;
using ServerlessSafety.Signals.Hashing;

namespace ServerlessSafety.Domain.Tests.Screening;

/// <summary>Upload screening over in-memory stores, with the repository's policy.</summary>
public sealed class ScreeningHarness : IDisposable
{
    public ScreeningHarness(ScreeningOptions? options = null, HashMatchingOptions? matching = null)
    {
        Options = options ?? new ScreeningOptions();
        Catalog = new BankCatalog(Microsoft.Extensions.Options.Options.Create(matching ?? new HashMatchingOptions()));
        Bank = new InMemoryBankStore(Time);
        Index = new PdqBankIndex(Bank, Snapshots, NullLogger<PdqBankIndex>.Instance);
        Matcher = new BankMatcher(Bank, Index, Catalog);
        Screening = new UploadScreening(
            Vault,
            new UploadHasher(new PdqHasherOptions { MaxContentBytes = Options.MaxUploadBytes }),
            Matcher,
            Catalog,
            Cases,
            Queue,
            Screenings,
            RepositoryPolicy.Policy,
            Microsoft.Extensions.Options.Options.Create(Options),
            Time,
            NullLogger<UploadScreening>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public ScreeningOptions Options { get; }

    public BankCatalog Catalog { get; }

    public InMemoryBankStore Bank { get; }

    public InMemoryBankSnapshotStore Snapshots { get; } = new();

    public PdqBankIndex Index { get; }

    public BankMatcher Matcher { get; }

    public InMemoryContentVault Vault { get; } = new();

    public InMemoryCaseStore Cases { get; } = new();

    public RecordingWorkQueue Queue { get; } = new();

    public InMemoryScreeningStore Screenings { get; } = new();

    public UploadScreening Screening { get; }

    public static BlobLocation InUploads(string name) => new(ContentContainers.Uploads, name);

    public static BlobLocation InQuarantine(string name) => new(ContentContainers.Quarantine, name);

    public Task UploadAsync(string name, byte[] content, string contentType = "image/png")
        => Vault.WriteAsync(InUploads(name), new MemoryStream(content), contentType);

    public bool Holds(BlobLocation location) => Vault.Blobs.ContainsKey(location.ToString());

    /// <summary>Banks the hashes of <paramref name="content"/> the way a reported case does.</summary>
    public async Task BankAsync(byte[] content, string bank = ReportedContentBank.BankName, string? caseId = "case-1", bool pdqOnly = false)
    {
        var hashed = new UploadHasher().Hash(content);
        var membership = new BankMembership(bank, "case", Time.GetUtcNow(), hashed.Hashes.PdqQuality, caseId);
        if (hashed.Hashes.Pdq is { } pdq)
        {
            await Bank.AddAsync(new ContentHash(BankSignalTypes.Pdq, pdq, hashed.Hashes.PdqQuality), membership);
        }

        if (!pdqOnly)
        {
            await Bank.AddAsync(new ContentHash(BankSignalTypes.Sha256, hashed.Hashes.Sha256!), membership with { Quality = null });
            await Bank.AddAsync(new ContentHash(BankSignalTypes.Md5, hashed.Hashes.Md5!), membership with { Quality = null });
        }

        await Index.RefreshAsync();
    }

    public void Dispose() => Index.Dispose();
}
