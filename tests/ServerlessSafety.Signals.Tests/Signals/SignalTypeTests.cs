using ServerlessSafety.Signals.Signals;

namespace ServerlessSafety.Signals.Tests.Signals;

public sealed class SignalTypeTests
{
    public static TheoryData<string, string, string> ValidValues => new()
    {
        { "pdq", " D8F8F0CEE0F4A84F0637022A078F67F0B36E2ED596621E1D33E6339C4E9C9B22 ", "d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22" },
        { "md5", "D35C785545392755E7E4164457657269", "d35c785545392755e7e4164457657269" },
        { "sha256", "B5B0799616DF52D475A3968DC7E54F1D0724C912244FFA6175BC786375DD7298", "b5b0799616df52d475a3968dc7e54f1d0724c912244ffa6175bc786375dd7298" },
    };

    public static TheoryData<string, string> InvalidValues => new()
    {
        { "pdq", "d8f8" },
        { "pdq", "g8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22" },
        { "pdq", "+8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b2" },
        { "md5", "d35c785545392755e7e416445765726" },
        { "md5", "d35c785545392755e7e4164457657269d35c785545392755e7e4164457657269" },
        { "sha256", "zz" },
    };

    [Theory]
    [MemberData(nameof(ValidValues))]
    public void Normalize_Valid_LowerCaseTrimmed(string type, string value, string expected)
    {
        var signal = SignalTypes.FromName(type);
        Assert.Equal(expected, signal.Normalize(value));
        Assert.True(signal.TryNormalize(value, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void Normalize_Invalid_ErrorNamesTypeAndValue(string type, string value)
    {
        var signal = SignalTypes.FromName(type);
        var error = Assert.Throws<SignalFormatException>(() => signal.Normalize(value));
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
        Assert.Contains(type, error.Message, StringComparison.Ordinal);
        Assert.False(signal.TryNormalize(value, out _));
    }

    [Fact]
    public void Distance_Pdq_IsHammingDistance()
    {
        var a = "d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22";
        var b = "d8f8f0cee0f4a84f0637022a038f67f0b36e2ed596631e1d33e6339c4e9c9b22";
        Assert.Equal(2, PdqSignal.Instance.Distance(a, b));
        Assert.Equal(0, PdqSignal.Instance.Distance(a, a.ToUpperInvariant()));
    }

    [Fact]
    public void Distance_Md5_ZeroWhenEqualElseMax()
    {
        Assert.Equal(0, Md5Signal.Instance.Distance("d35c785545392755e7e4164457657269", "D35C785545392755E7E4164457657269"));
        Assert.Equal(int.MaxValue, Md5Signal.Instance.Distance("d35c785545392755e7e4164457657269", "69b0834fac1477a4397a0be6b6e55c1a"));
    }

    [Fact]
    public void PdqHash_ParseFormat_RoundTripsAndBit0IsLastHexDigit()
    {
        var hash = PdqHash.Parse("0000000000000000000000000000000000000000000000000000000000000001");
        Assert.True(hash.GetBit(0));
        Assert.Equal(1, hash.PopCount);
        Assert.Equal("8000000000000000000000000000000000000000000000000000000000000000", default(PdqHash).FlipBit(255).ToString());
    }

    [Fact]
    public void FromName_Unknown_ErrorNamesIt()
    {
        var error = Assert.Throws<ArgumentException>(() => SignalTypes.FromName("photodna"));
        Assert.Contains("photodna", error.Message, StringComparison.Ordinal);
    }
}
