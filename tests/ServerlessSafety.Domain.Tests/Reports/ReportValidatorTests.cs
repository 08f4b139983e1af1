using ServerlessSafety.Domain.Cases;
using ServerlessSafety.Domain.Reports;
using ServerlessSafety.Domain.Tests.Fakes;

namespace ServerlessSafety.Domain.Tests.Reports;

public sealed class ReportValidatorTests
{
    private readonly ReportValidator _validator = new(new FixedReportCategories());

    private static ReportSubmission Valid => new() { Category = "sextortion", Account = "@offender" };

    [Fact]
    public void Validate_MinimalReport_IsValidAndNormalized()
    {
        var result = _validator.Validate(Valid with { Justification = "  he threatened me  ", Contact = new ReportContact("me@example.org", null) });

        Assert.True(result.IsValid);
        Assert.Equal("he threatened me", result.Report!.Justification);
        Assert.Equal(new ContactChannel(ContactKind.Email, "me@example.org"), result.Report.Contact);
        Assert.False(result.Report.InvolvesMinor);
    }

    public static TheoryData<ReportSubmission, string> InvalidSubmissions => new()
    {
        { new ReportSubmission { Account = "@a" }, "category" },
        { new ReportSubmission { Category = "spam", Account = "@a" }, "category" },
        { new ReportSubmission { Category = "ncii" }, "contentUrl" },
        { new ReportSubmission { Category = "ncii", ContentUrl = "javascript:alert(1)" }, "contentUrl" },
        { new ReportSubmission { Category = "ncii", ContentUrl = "/relative/path" }, "contentUrl" },
        { new ReportSubmission { Category = "ncii", Account = new string('a', ReportLimits.MaxFieldLength + 1) }, "account" },
        { new ReportSubmission { Category = "ncii", Account = "@a", Justification = new string('j', ReportLimits.MaxJustificationLength + 1) }, "justification" },
        { new ReportSubmission { Category = "ncii", Account = "@a", Contact = new ReportContact("not an email", null) }, "contact.email" },
        { new ReportSubmission { Category = "ncii", Account = "@a", Contact = new ReportContact(null, "http://example.org/hook") }, "contact.webhook" },
        { new ReportSubmission { Category = "ncii", Account = "@a", Contact = new ReportContact("a@example.org", "https://example.org/hook") }, "contact" },
        { new ReportSubmission { Category = "ncii", Account = "@a", Hashes = [new ReportedHash("md5", "xyz")] }, "hashes[0].value" },
        { new ReportSubmission { Category = "ncii", Account = "@a", Hashes = [new ReportedHash("photodna", new string('a', 32))] }, "hashes[0].signalType" },
    };

    [Theory]
    [MemberData(nameof(InvalidSubmissions))]
    public void Validate_InvalidField_NamesTheField(ReportSubmission submission, string field)
    {
        var result = _validator.Validate(submission);

        Assert.False(result.IsValid);
        Assert.Contains(field, result.Errors.Keys);
    }

    [Fact]
    public void Validate_EvidenceAlone_SaysWhatIsReported()
        => Assert.True(_validator.Validate(new ReportSubmission { Category = "ncii" }, hasEvidence: true).IsValid);

    [Fact]
    public void Validate_Hashes_AreLowerCasedAndDeduplicated()
    {
        var md5 = new string('A', 32);
        var result = _validator.Validate(Valid with { Hashes = [new ReportedHash("MD5", md5), new ReportedHash("md5", md5.ToLowerInvariant())] });

        Assert.Equal([new ContentHash("md5", new string('a', 32))], result.Report!.Hashes);
    }

    [Fact]
    public void Validate_TooManyHashes_IsRefused()
    {
        var hashes = Enumerable.Range(0, ReportLimits.MaxHashes + 1).Select(i => new ReportedHash("md5", i.ToString("x32"))).ToList();

        Assert.Contains("hashes", _validator.Validate(Valid with { Hashes = hashes }).Errors.Keys);
    }
}
