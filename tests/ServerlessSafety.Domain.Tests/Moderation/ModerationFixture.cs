using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Content;
using ServerlessSafety.Domain.Moderation;
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

    public OffenderEnforcement Enforcement => new(Offenders, [Sink], RepositoryPolicy.Policy, Time, NullLogger<OffenderEnforcement>.Instance);

    public DecisionService Decisions => new(Cases, Enforcement, Queue, RepositoryPolicy.Policy, Time, NullLogger<DecisionService>.Instance);

    public ModerationWorkspace Workspace => new(Cases, Offenders, new Mock<IContentVault>().Object, RepositoryPolicy.Policy, Time);

    public static CaseFile Image(char fill) => new("quarantine", $"blob-{fill}", "image/jpeg", 1234, new string(fill, 64), new string(fill, 32));

    public async Task<SafetyCase> StoreAsync(SafetyCase safetyCase)
    {
        Assert.True(await Cases.TryCreateAsync(safetyCase));
        return safetyCase;
    }
}
