using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessSafety.Domain.Banks;
using ServerlessSafety.Domain.DependencyInjection;

namespace ServerlessSafety.Domain.Tests.Banks;

public sealed class HashMatchingOptionsTests
{
    [Fact]
    public void Catalog_NothingConfigured_DefaultBanksAtThreshold31AndFloor50()
    {
        var catalog = Resolve([]);

        Assert.Equal(["ncmec", "reported", "stopncii"], catalog.Banks.Select(b => b.Name).Order());
        Assert.All(catalog.Banks, b => Assert.Equal(31, b.PdqThreshold));
        Assert.All(catalog.Banks, b => Assert.Equal(50, catalog.MinimumQualityOf(b)));
        Assert.Equal(BankKind.Verified, catalog.Get("ncmec").Kind);
    }

    [Fact]
    public void Catalog_ConfiguredBanks_ReadWithThresholdsKindsAndEnabled()
    {
        var catalog = Resolve(new()
        {
            ["HashMatching:Banks:0:Name"] = "stopncii",
            ["HashMatching:Banks:0:PdqThreshold"] = "20",
            ["HashMatching:Banks:1:Name"] = "known-art",
            ["HashMatching:Banks:1:Kind"] = "Suppression",
            ["HashMatching:Banks:1:Enabled"] = "false",
        });

        Assert.Equal(20, catalog.Get("stopncii").PdqThreshold);
        Assert.Equal(BankKind.Suppression, catalog.Get("known-art").Kind);
        Assert.Null(catalog.FindMatching("known-art"));
        Assert.Equal(20, catalog.Radius);
    }

    [Theory]
    [InlineData("HashMatching:Banks:0:PdqThreshold", "32")]
    [InlineData("HashMatching:Banks:0:Name", "Not A Name")]
    [InlineData("HashMatching:MinimumQuality", "101")]
    [InlineData("HashMatching:Banks:1:Name", "stopncii")]
    public void Options_Invalid_RefusedAtStart(string key, string value)
    {
        var settings = new Dictionary<string, string?> { ["HashMatching:Banks:0:Name"] = "stopncii", [key] = value };
        if (key.StartsWith("HashMatching:Banks:1", StringComparison.Ordinal))
        {
            settings["HashMatching:Banks:1:Name"] = value;
        }

        Assert.Throws<OptionsValidationException>(() => Resolve(settings));
    }

    private static BankCatalog Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var provider = new ServiceCollection().AddLogging().AddUploadScreening(configuration).BuildServiceProvider();
        _ = provider.GetRequiredService<IOptions<HashMatchingOptions>>().Value;
        return provider.GetRequiredService<BankCatalog>();
    }
}
