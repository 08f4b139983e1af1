using System.Text;
using Microsoft.Extensions.Time.Testing;
using ServerlessSafety.Domain.Moderation.Access;
using ServerlessSafety.Domain.Tests.Triage;

namespace ServerlessSafety.Domain.Tests.Moderation;

public sealed class ModeratorAccessTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    private static string Principal(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void ClientPrincipal_FromEntraId_GivesTheObjectIdNameAndRoles()
    {
        var moderator = ClientPrincipal.Read(Principal("""
            {"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[
              {"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"0b1c2d3e-0000-4000-8000-000000000001"},
              {"typ":"name","val":"Ada Moderator"},{"typ":"roles","val":"moderator"},{"typ":"roles","val":"reader"}]}
            """));

        Assert.NotNull(moderator);
        Assert.Equal("0b1c2d3e-0000-4000-8000-000000000001", moderator.Id);
        Assert.Equal("Ada Moderator", moderator.Name);
        Assert.True(moderator.CanModerate);
        Assert.False(moderator.IsAdmin);
    }

    [Theory]
    [InlineData("""{"auth_typ":"aad","claims":[{"typ":"roles","val":"admin"}]}""")]
    [InlineData("""{"auth_typ":"aad","claims":[{"typ":"oid","val":"a b"},{"typ":"roles","val":"admin"}]}""")]
    [InlineData("""{"auth_typ":"aad"}""")]
    [InlineData("not json")]
    public void ClientPrincipal_WithoutAUsableId_OrMalformed_IsNobody(string json)
        => Assert.Null(ClientPrincipal.Read(Principal(json)));

    [Fact]
    public void ClientPrincipal_NotBase64_OrTooLong_IsNobody()
    {
        Assert.Null(ClientPrincipal.Read("%%%"));
        Assert.Null(ClientPrincipal.Read(new string('A', ClientPrincipal.MaxHeaderLength + 4)));
    }

    [Fact]
    public void DevelopmentSession_IssuedCookie_ReadsBackUntilItExpires()
    {
        var time = new FakeTimeProvider(TestCases.Now);
        var sessions = new DevelopmentSession(Key, time);
        var cookie = sessions.Issue(new Moderator("dev-1", "dev-1", new HashSet<string> { Moderator.AdminRole }));

        Assert.True(sessions.Read(cookie)!.IsAdmin);
        time.Advance(DevelopmentSession.Lifetime);
        Assert.Null(sessions.Read(cookie));
    }

    [Fact]
    public void DevelopmentSession_CookieSignedWithAnotherKey_OrAltered_IsRefused()
    {
        var time = new FakeTimeProvider(TestCases.Now);
        var cookie = new DevelopmentSession(Key, time).Issue(new Moderator("dev-1", "dev-1", new HashSet<string>()));
        var other = new DevelopmentSession(Key.Select(b => (byte)(b ^ 1)).ToArray(), time);
        var body = cookie.Split('.')[0];
        var altered = cookie.Replace(body, body[..^2] + (body[^2] == 'A' ? "B" : "A") + body[^1], StringComparison.Ordinal);

        Assert.Null(other.Read(cookie));
        Assert.Null(new DevelopmentSession(Key, time).Read(altered));
        Assert.Null(new DevelopmentSession(Key, time).Read("a.b.c"));
    }

    [Fact]
    public void DevelopmentSession_ShortKey_IsRefused()
        => Assert.Throws<ArgumentException>(() => new DevelopmentSession(new byte[16], TimeProvider.System));
}
