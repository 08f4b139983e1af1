using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ServerlessSafety.Domain.Offenders;
using ServerlessSafety.Domain.Policy;
using ServerlessSafety.Domain.Tests.Policy;

namespace ServerlessSafety.Domain.Tests.Offenders;

public sealed class OffenderEnforcementTests
{
    private readonly InMemoryOffenderStore _store = new();
    private readonly RecordingEnforcementSink _sink = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));

    private OffenderEnforcement Service() => new(_store, [_sink], RepositoryPolicy.Policy, _time, NullLogger<OffenderEnforcement>.Instance);

    [Fact]
    public async Task ApplyStrike_Decision_StoresTheStepAndEmitsTheEvent()
    {
        var strike = await Service().ApplyStrikeAsync("acct", "harassment", "case-1");

        Assert.Equal(ConsequenceAction.Warning, strike.Action);
        Assert.Equal(1, (await _store.GetAsync("acct"))!.StandingStrikes);
        var sent = Assert.Single(_sink.Events);
        Assert.Equal("case-1:consequence-applied", sent.Id);
        Assert.Equal("acct", sent.Account);
        Assert.Equal(ConsequenceAction.Warning, sent.Action);
    }

    [Fact]
    public async Task ApplyStrike_Retried_StoresOnceAndResendsTheSameEvent()
    {
        await Service().ApplyStrikeAsync("acct", "harassment", "case-1");
        _time.Advance(TimeSpan.FromMinutes(5));

        await Service().ApplyStrikeAsync("acct", "harassment", "case-1");

        Assert.Single((await _store.GetAsync("acct"))!.Strikes);
        Assert.Equal(2, _sink.Events.Count);
        Assert.Single(_sink.Events.Distinct());
    }

    [Fact]
    public async Task DecideAppeal_Overturned_EmitsTheLiftEvent()
    {
        await Service().ApplyStrikeAsync("acct", "ncii", "case-1");
        await Service().FileAppealAsync("acct", "case-1", "That is not me in the picture");

        var record = await Service().DecideAppealAsync("acct", "case-1", AppealOutcome.Overturned, "mod-1");

        Assert.Equal(0, record.StandingStrikes);
        Assert.Equal(["case-1:consequence-applied", "case-1:consequence-lifted"], _sink.Events.Select(e => e.Id));
    }
}
