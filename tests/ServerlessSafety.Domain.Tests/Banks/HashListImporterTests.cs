using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Banks;
using ServerlessSafety.Domain.Banks.Import;
using ServerlessSafety.Domain.Cases;

namespace ServerlessSafety.Domain.Tests.Banks;

public sealed class HashListImporterTests
{
    private const string Pdq1 = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
    private const string Pdq2 = "0000000000000000ffffffffffffffff0000000000000000ffffffffffffffff";
    private const string Md5 = "d41d8cd98f00b204e9800998ecf8427e";
    private const string Sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private readonly InMemoryBankStore _store = new();
    private readonly HashListImporter _importer;

    public HashListImporterTests()
    {
        _importer = new HashListImporter(_store, new BankCatalog(Options.Create(new HashMatchingOptions())), TimeProvider.System, NullLogger<HashListImporter>.Instance);
    }

    [Fact]
    public async Task Import_StopNciiJsonLines_AddsPdqAndMd5WithTheirMetadata()
    {
        var summary = await ImportAsync("stopncii", "stopncii",
            $$"""{"signalType":"ImagePDQ","hashValue":"{{Pdq1.ToUpperInvariant()}}","hashStatus":"Active","lastModtimestamp":1700000000,"caseNumbers":{"C-1":"x"},"quality":90}""",
            $$"""{"signalType":"VideoMD5","hashValue":"{{Md5}}","hashStatus":"Received"}""");

        Assert.Equal((2, 0, 0), (summary.Added, summary.Withdrawn, summary.ErrorCount));
        var pdq = await _store.GetAsync(BankSignalTypes.Pdq, Pdq1);
        var membership = Assert.Single(pdq!.Memberships);
        Assert.Equal(("stopncii", "stopncii", 90), (membership.Bank, membership.Source, membership.Quality));
        Assert.Equal("C-1", membership.Metadata!["caseNumbers"]);
        Assert.True((await _store.GetAsync(BankSignalTypes.Md5, Md5))!.IsIn("stopncii"));
    }

    [Fact]
    public async Task Import_StopNciiWithdrawal_StopsTheHashAndLeavesATombstone()
    {
        await ImportAsync("stopncii", "stopncii", $$"""{"signalType":"ImagePDQ","hashValue":"{{Pdq1}}","hashStatus":"Active"}""");

        var summary = await ImportAsync("stopncii", "stopncii", $$"""{"signalType":"ImagePDQ","hashValue":"{{Pdq1}}","hashStatus":"Withdrawn"}""");

        Assert.Equal(1, summary.Withdrawn);
        var hash = await _store.GetAsync(BankSignalTypes.Pdq, Pdq1);
        Assert.True(hash!.Withdrawn);
        Assert.Empty(hash.Memberships);
        Assert.NotNull(hash.Ttl);
    }

    [Fact]
    public async Task Import_AddThenDeleteInOneList_EndsWithdrawn()
    {
        await ImportAsync("stopncii", "stopncii",
            $$$"""{"hashRecords":[{"signalType":"ImagePDQ","hashValue":"{{{Pdq1}}}","hashStatus":"Active"},{"signalType":"ImagePDQ","hashValue":"{{{Pdq1}}}","hashStatus":"Deleted"}]}""");

        Assert.True((await _store.GetAsync(BankSignalTypes.Pdq, Pdq1))!.Withdrawn);
    }

    [Fact]
    public async Task Import_StopNciiCsv_ReadsTheHeaderAndQuotedCaseNumbers()
    {
        var summary = await ImportAsync("stopncii", "stopncii",
            "signalType,hashValue,hashStatus,caseNumbers",
            $"ImagePDQ,{Pdq1},Active,\"C-1;C-2\"",
            $"ImagePDQ,{Pdq2},Withdrawn,");

        Assert.Equal((1, 0, 1), (summary.Added, summary.Withdrawn, summary.Unchanged));
        Assert.Equal("C-1;C-2", Assert.Single((await _store.GetAsync(BankSignalTypes.Pdq, Pdq1))!.Memberships).Metadata!["caseNumbers"]);
        Assert.Null(await _store.GetAsync(BankSignalTypes.Pdq, Pdq2));
    }

    [Fact]
    public async Task Import_NcmecJsonAndCsv_OneBankHashPerFingerprint_DeletedEntryWithdrawsThemAll()
    {
        await ImportAsync("ncmec", "ncmec",
            $$$"""{"id":"E-1","memberId":"7","fingerprints":{"md5":"{{{Md5}}}","sha256":"{{{Sha256}}}","pdq":"{{{Pdq1}}}","photodna":"skipped"}}""");
        Assert.True((await _store.GetAsync(BankSignalTypes.Sha256, Sha256))!.IsIn("ncmec"));
        Assert.Equal("E-1", Assert.Single((await _store.GetAsync(BankSignalTypes.Md5, Md5))!.Memberships).Metadata!["ncmecId"]);

        var summary = await ImportAsync("ncmec", "ncmec", "id,memberId,deleted,md5,sha256,pdq", $"E-1,7,true,{Md5},{Sha256},{Pdq1}");

        Assert.Equal(3, summary.Withdrawn);
        Assert.True((await _store.GetAsync(BankSignalTypes.Pdq, Pdq1))!.Withdrawn);
    }

    [Fact]
    public async Task Import_SameListTwice_SecondRunChangesNothing()
    {
        string[] lines = [$$"""{"signalType":"ImagePDQ","hashValue":"{{Pdq1}}","hashStatus":"Active"}""", $$"""{"signalType":"VideoMD5","hashValue":"{{Md5}}"}"""];
        await ImportAsync("stopncii", "stopncii", lines);
        var page = await _store.ReadChangesAsync(null);

        var again = await ImportAsync("stopncii", "stopncii", lines);

        Assert.Equal((0, 2), (again.Added, again.Unchanged));
        Assert.Empty((await _store.ReadChangesAsync(page.Checkpoint)).Changes);
    }

    [Fact]
    public async Task Import_WithdrawalFromOneSource_OtherBanksKeepTheHash()
    {
        await _store.AddAsync(new ContentHash(BankSignalTypes.Pdq, Pdq1), new BankMembership("reported", "case", DateTimeOffset.UnixEpoch, CaseId: "case-9"));
        await ImportAsync("stopncii", "stopncii", $$"""{"signalType":"ImagePDQ","hashValue":"{{Pdq1}}","hashStatus":"Active"}""");

        await ImportAsync("stopncii", "stopncii", $$"""{"signalType":"ImagePDQ","hashValue":"{{Pdq1}}","hashStatus":"Withdrawn"}""");

        var hash = await _store.GetAsync(BankSignalTypes.Pdq, Pdq1);
        Assert.False(hash!.Withdrawn);
        Assert.Equal("reported", Assert.Single(hash.Memberships).Bank);
    }

    [Fact]
    public async Task Import_BadLines_CountedWithLineNumbers_TheRestImported()
    {
        var summary = await ImportAsync("stopncii", "stopncii",
            "# a comment",
            """{"signalType":"ImagePDQ","hashValue":"not hex","hashStatus":"Active"}""",
            "{broken json",
            $$"""{"signalType":"PhotoDNA","hashValue":"{{Pdq1}}"}""",
            $$"""{"signalType":"ImagePDQ","hashValue":"{{Pdq1}}","hashStatus":"Paused"}""",
            "",
            $$"""{"signalType":"ImagePDQ","hashValue":"{{Pdq2}}","hashStatus":"Active"}""");

        Assert.Equal(1, summary.Added);
        Assert.Equal(4, summary.ErrorCount);
        Assert.Equal([2, 3, 4, 5], summary.Errors.Select(e => e.Line));
        Assert.All(summary.Errors, e => Assert.DoesNotContain(Pdq1, e.Problem, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_LineOverTheLengthLimit_IsAnErrorNotKept()
    {
        var summary = await ImportAsync("stopncii", "stopncii", new string('x', HashListFileSource.MaxLineLength + 10), $$"""{"signalType":"VideoMD5","hashValue":"{{Md5}}"}""");

        Assert.Equal((1, 1), (summary.Added, summary.ErrorCount));
        Assert.Contains("longer than", summary.Errors[0].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnknownBank_Refused()
    {
        await Assert.ThrowsAsync<UnknownBankException>(() => ImportAsync("stopncii", "no-such-bank", "x"));
    }

    private async Task<HashListImportSummary> ImportAsync(string format, string bank, params string[] lines)
    {
        using var reader = new StringReader(string.Join('\n', lines));
        return await _importer.ImportAsync(new HashListFileSource(reader, HashListFormats.Find(format)!), bank);
    }
}
