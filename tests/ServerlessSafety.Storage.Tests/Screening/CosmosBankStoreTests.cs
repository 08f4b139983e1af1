using ServerlessSafety.Domain.Banks;
using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Storage.Tests.Screening;

[Collection(ScreeningStorageCollection.Name)]
public sealed class CosmosBankStoreTests
{
    private readonly ScreeningStorageFixture _fixture;

    public CosmosBankStoreTests(ScreeningStorageFixture fixture)
    {
        _fixture = fixture;
    }

    [SkippableFact]
    public async Task AddAsync_ThenPointRead_HoldsTheMembershipAndIsIdempotent()
    {
        Skip.If(_fixture.Missing is not null, _fixture.Missing);
        var store = _fixture.Get<IBankStore>();
        var hash = NewMd5();
        var membership = new BankMembership("stopncii", "stopncii", DateTimeOffset.UtcNow, Metadata: new Dictionary<string, string> { ["caseNumbers"] = "C-1" });

        Assert.Equal(BankedHashChange.Added, await store.AddAsync(hash, membership));
        Assert.Equal(BankedHashChange.Unchanged, await store.AddAsync(hash, membership with { AddedAt = DateTimeOffset.UtcNow.AddHours(1) }));

        var stored = await store.GetAsync(hash.SignalType, hash.Value);
        var held = Assert.Single(stored!.Memberships);
        Assert.Equal("C-1", held.Metadata!["caseNumbers"]);
        Assert.False(stored.Withdrawn);
    }

    [SkippableFact]
    public async Task RemoveAsync_LastMembership_LeavesATombstoneWithATtl()
    {
        Skip.If(_fixture.Missing is not null, _fixture.Missing);
        var store = _fixture.Get<IBankStore>();
        var hash = NewMd5();
        await store.AddAsync(hash, new BankMembership("stopncii", "stopncii", DateTimeOffset.UtcNow));

        Assert.Equal(BankedHashChange.Withdrawn, await store.RemoveAsync(hash, "stopncii", "stopncii"));
        Assert.Equal(BankedHashChange.Unchanged, await store.RemoveAsync(hash, "stopncii", "stopncii"));

        var stored = await store.GetAsync(hash.SignalType, hash.Value);
        Assert.True(stored!.Withdrawn);
        Assert.Equal((int)BankedHash.TombstoneLifetime.TotalSeconds, stored.Ttl);
    }

    [SkippableFact]
    public async Task AddAsync_TwoBanksAtOnce_BothKeptThroughTheETagRetry()
    {
        Skip.If(_fixture.Missing is not null, _fixture.Missing);
        var store = _fixture.Get<IBankStore>();
        var hash = NewMd5();

        await Task.WhenAll(
            store.AddAsync(hash, new BankMembership("stopncii", "stopncii", DateTimeOffset.UtcNow)),
            store.AddAsync(hash, new BankMembership("reported", "case", DateTimeOffset.UtcNow, CaseId: "case-1")),
            store.AddAsync(hash, new BankMembership("ncmec", "ncmec", DateTimeOffset.UtcNow)));

        var stored = await store.GetAsync(hash.SignalType, hash.Value);
        Assert.Equal(["ncmec", "reported", "stopncii"], stored!.Memberships.Select(m => m.Bank).Order());
    }

    [SkippableFact]
    public async Task ReadChangesAsync_FromACheckpoint_GivesOnlyLaterChangesThenCatchesUp()
    {
        Skip.If(_fixture.Missing is not null, _fixture.Missing);
        var store = _fixture.Get<IBankStore>();
        var feed = _fixture.Get<IBankChangeFeed>();
        var checkpoint = await DrainAsync(feed, null);
        var added = NewMd5();
        var withdrawn = NewMd5();
        await store.AddAsync(added, new BankMembership("stopncii", "stopncii", DateTimeOffset.UtcNow));
        await store.AddAsync(withdrawn, new BankMembership("stopncii", "stopncii", DateTimeOffset.UtcNow));
        await store.RemoveAsync(withdrawn, "stopncii");

        var page = await feed.ReadChangesAsync(checkpoint);

        Assert.Contains(page.Changes, c => c.Value == added.Value && !c.Withdrawn);
        Assert.Contains(page.Changes, c => c.Value == withdrawn.Value && c.Withdrawn);
        var rest = await feed.ReadChangesAsync(page.Checkpoint);
        Assert.True(rest.CaughtUp);
        Assert.Empty(rest.Changes);
    }

    private static async Task<string> DrainAsync(IBankChangeFeed feed, string? checkpoint)
    {
        for (var i = 0; i < 1000; i++)
        {
            var page = await feed.ReadChangesAsync(checkpoint);
            checkpoint = page.Checkpoint;
            if (page.CaughtUp)
            {
                return checkpoint;
            }
        }

        throw new InvalidOperationException("The change feed never caught up.");
    }

    private static ContentHash NewMd5() => new(BankSignalTypes.Md5, Guid.NewGuid().ToString("N"));
}
