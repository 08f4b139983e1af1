using ServerlessSafety.Domain.Reporting;

namespace ServerlessSafety.Domain.Tests.Reporting;

/// <summary>NCMEC's schema from <c>../shared/ncmec</c>, when it is there; tests that need it skip with this message otherwise.</summary>
public static class SharedSchema
{
    public const string Missing = "../shared/ncmec/cyber_tipline.xsd is absent; the schema checks need NCMEC's published schema beside the repository.";

    private static readonly Lazy<CyberTiplineSchema?> Loaded = new(() =>
        CyberTiplineSchema.Find(AppContext.BaseDirectory) is { } path ? CyberTiplineSchema.Load(path) : null);

    public static CyberTiplineSchema? Schema => Loaded.Value;

    public static CyberTiplineSchema Require()
    {
        Skip.If(Schema is null, Missing);
        return Schema!;
    }
}
