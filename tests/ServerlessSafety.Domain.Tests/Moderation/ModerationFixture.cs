using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Content;
using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Moderation;
using ServerlessSafety.Domain.Moderation.Audit;
using ServerlessSafety.Domain.Moderation.Queue;
using ServerlessSafety.Domain.Moderation.Wellness;
using ServerlessSafety.Domain.Offenders;
using ServerlessSafety.Domain.Tests.Offenders;
using ServerlessSafety.Domain.Tests.Policy;
using ServerlessSafety.Domain.Tests.Triage;

namespace ServerlessSafety.Domain.Tests.Moderation;

/// <summary>The moderation services over in-memory stores.</summary>
public sealed class ModerationFixture
{
    public InMemoryCaseStore Cases { get; } = new();

    public InMemoryOffenderStore Offenders { get; } = new();

    public RecordingWorkQueue Queue { get; } = new();

    public RecordingEnforcementSink Sink { get; } = new();

    public RecordingSlaClock Clock { get; } = new();

    public FakeTimeProvider Time { get; } = new(TestCases.Now);

    public InMemoryQueueView QueueView { get; } = new();

    public InMemoryAuditLog Audit { get; } = new();

    public InMemoryExposureStore Exposure { get; } = new();

    public WellnessOptions Wellness { get; } = new();

    public ModeratorActivity Activity => new(Audit, Exposure, Options.Create(Wellness), Time);

    public OffenderEnforcement Enforcement => new(Offenders, [Sink], RepositoryPolicy.Policy, Time, NullLogger<OffenderEnforcement>.Instance);

    public DecisionService Decisions => new(Cases, Enforcement, Queue, Activity, RepositoryPolicy.Policy, Time, NullLogger<DecisionService>.Instance);

    public ModerationWorkspace Workspace => new(Cases, Offenders, new Mock<IContentVault>().Object, QueueView, new QueueProjection(Cases, QueueView, NullLogger<QueueProjection>.Instance), Activity, RepositoryPolicy.Policy, Time);

    public static SafetyCase Triaged(int priority, bool withImage) => TestCases.Make("harassment", TimeSpan.FromHours(10)) with
    {
        Triage = new TriageAssessment(priority, [], TriageRoute.ModeratorQueue, TestCases.Now),
        Files = withImage ? [Image('c')] : [],
    };

    public static CaseFile Image(char fill) => new("quarantine", $"blob-{fill}", "image/jpeg", 1234, new string(fill, 64), new string(fill, 32));

    public async Task<SafetyCase> StoreAsync(SafetyCase safetyCase)
    {
        Assert.True(await Cases.TryCreateAsync(safetyCase));
        return safetyCase;
    }
}
