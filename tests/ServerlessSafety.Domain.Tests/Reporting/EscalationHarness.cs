using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Content;
using ServerlessSafety.Domain.Evidence;
using ServerlessSafety.Domain.Reporting;
using ServerlessSafety.Domain.Tests.Fakes;
using ServerlessSafety.LocalCyberTipline;

namespace ServerlessSafety.Domain.Tests.Reporting;

/// <summary>The escalation service wired to the local CyberTipline over real HTTP, an in-memory case store and vault.</summary>
public sealed class EscalationHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private EscalationHarness(LocalCyberTiplineServer server)
    {
        Server = server;
        Options = CyberTiplineExample.Options();
        Options.BaseUrl = server.BaseUrl;
        Options.HttpRetries = 2;
        Options.RetryDelay = TimeSpan.FromMilliseconds(5);
        Options.RequestTimeout = TimeSpan.FromSeconds(1);
        Options.MaxAttempts = 3;
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [Options.UsernameSetting] = LocalCyberTiplineServer.User,
            [Options.PasswordSetting] = LocalCyberTiplineServer.Password,
        }).Build();
        Client = new HttpCyberTiplineClient(_http, Microsoft.Extensions.Options.Options.Create(Options), Configuration, TimeProvider.System, NullLogger<HttpCyberTiplineClient>.Instance);
    }

    public LocalCyberTiplineServer Server { get; }

    public NcmecOptions Options { get; }

    public IConfiguration Configuration { get; }

    public HttpCyberTiplineClient Client { get; }

    public InMemoryCaseStore Cases { get; } = new();

    public InMemoryContentVault Vault { get; } = new();

    public FakeTimeProvider Time { get; } = new(Now);

    public static async Task<EscalationHarness> StartAsync() => new(await LocalCyberTiplineServer.StartAsync(SharedSchema.Schema));

    /// <summary>A service over the shared stores; <paramref name="store"/> replaces the case store (for crashes).</summary>
    public NcmecEscalationService Service(ICaseStore? store = null)
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        return new NcmecEscalationService(
            store ?? Cases, Vault, new EvidencePreservation(Vault, Time), new CyberTiplineReportBuilder(options), Client, options, Time, NullLogger<NcmecEscalationService>.Instance);
    }

    /// <summary>Stores a case with <paramref name="files"/> quarantined files whose recorded hashes are their real ones.</summary>
    public async Task<SafetyCase> SeedCaseAsync(string caseId, int files = 2, string category = "csam")
    {
        var caseFiles = new List<CaseFile>();
        for (var i = 0; i < files; i++)
        {
            var bytes = Encoding.UTF8.GetBytes($"{caseId} file {i} {new string('x', i * 1000)}");
            var name = $"{caseId}-upload-{i}";
            await Vault.WriteAsync(new BlobLocation(ContentContainers.Quarantine, name), new MemoryStream(bytes), "image/jpeg");
            caseFiles.Add(new CaseFile(ContentContainers.Quarantine, name, "image/jpeg", bytes.Length,
                Convert.ToHexStringLower(SHA256.HashData(bytes)), Convert.ToHexStringLower(MD5.HashData(bytes)), ViewedByPerson: i == 0));
        }

        var safetyCase = new SafetyCase
        {
            Id = caseId,
            Category = category,
            Origin = CaseOrigin.UploadMatch,
            OpenedAt = Now.AddHours(-1),
            DueBy = Now.AddHours(47),
            InvolvesMinor = true,
            Subject = new ReportedSubject(null, $"{caseId}-upload-0", "user-77", null),
            Contact = new ContactChannel(ContactKind.Email, "reporter@example.org"),
            Files = caseFiles,
        };
        Assert.True(await Cases.TryCreateAsync(safetyCase));
        return safetyCase;
    }

    public async Task<SafetyCase> CaseAsync(string caseId) => (await Cases.GetAsync(caseId))!;

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
