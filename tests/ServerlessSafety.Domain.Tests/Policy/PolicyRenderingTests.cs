using System.Text.Json;
using ServerlessSafety.Domain.Policy;

namespace ServerlessSafety.Domain.Tests.Policy;

public sealed class PolicyRenderingTests
{
    [Fact]
    public void Serialize_Policy_IsCamelCaseWithIsoDurationsAndNamedEnums()
    {
        using var json = JsonDocument.Parse(PolicyJson.Serialize(RepositoryPolicy.Policy));
        var root = json.RootElement;

        var sextortion = root.GetProperty("categories")[0];
        Assert.Equal("sextortion", sextortion.GetProperty("id").GetString());
        Assert.Equal("P1D", sextortion.GetProperty("resolveWithin").GetString());
        Assert.Equal("whenMinorInvolved", sextortion.GetProperty("ncmecReport").GetString());
        Assert.Equal("permanentBan", sextortion.GetProperty("ladder")[0].GetProperty("action").GetString());
        Assert.True(root.GetProperty("resolutionNotices").TryGetProperty("contentRemoved", out _));
        Assert.True(root.GetProperty("triage").GetProperty("verifiedBankSkipsReview").GetBoolean());
    }

    [Fact]
    public void Render_Policy_ShowsEveryCategoryLadderAndHelp()
    {
        var policy = RepositoryPolicy.Policy;

        var html = PolicyPage.Render(policy);

        foreach (var category in policy.Categories)
        {
            Assert.Contains($"<h2 id=\"{category.Id}\">", html);
        }

        Assert.Contains("Any offence: a permanent ban", html);
        Assert.Contains("First offence: a warning", html);
        Assert.Contains("a suspension of 7 days", html);
        Assert.Contains("within 24 hours", html);
        Assert.Contains("href=\"https://stopncii.org/\"", html);
        Assert.Contains("href=\"https://takeitdown.ncmec.org/\"", html);
        Assert.Contains("988 Suicide &amp; Crisis Lifeline", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_HostileText_IsEscaped()
    {
        var policy = RepositoryPolicy.Policy with { PlatformName = "<script>alert(1)</script>", SafetyContact = "\"><img src=x onerror=alert(1)>" };

        var html = PolicyPage.Render(policy);

        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }
}
