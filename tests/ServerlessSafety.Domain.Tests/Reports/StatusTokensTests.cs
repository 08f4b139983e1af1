using System.Security.Cryptography;
using ServerlessSafety.Domain.Reports;

namespace ServerlessSafety.Domain.Tests.Reports;

public sealed class StatusTokensTests
{
    private readonly StatusTokens _tokens = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Issue_SameCase_SameToken_OtherCase_OtherToken()
    {
        Assert.Equal(_tokens.Issue("SS-A"), _tokens.Issue("SS-A"));
        Assert.NotEqual(_tokens.Issue("SS-A"), _tokens.Issue("SS-B"));
        Assert.NotEqual(_tokens.Issue("SS-A"), new StatusTokens(RandomNumberGenerator.GetBytes(32)).Issue("SS-A"));
    }

    [Fact]
    public void Matches_OnlyTheIssuedToken()
    {
        var token = _tokens.Issue("SS-A");
        var stored = StatusTokens.Hash(token);

        Assert.True(StatusTokens.Matches(token, stored));
        Assert.False(StatusTokens.Matches(token + "x", stored));
        Assert.False(StatusTokens.Matches("", stored));
        Assert.False(StatusTokens.Matches(null, stored));
        Assert.False(StatusTokens.Matches(token, null));
        Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
    }

    [Fact]
    public void NewCaseId_IsUnguessableAndUnique()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => StatusTokens.NewCaseId()).ToHashSet();

        Assert.Equal(10_000, ids.Count);
        Assert.All(ids, id => Assert.Matches("^SS-[A-Z0-9]{20}$", id));
    }

    [Fact]
    public void Constructor_ShortKey_IsRefused() => Assert.Throws<ArgumentException>(() => new StatusTokens(new byte[16]));
}
