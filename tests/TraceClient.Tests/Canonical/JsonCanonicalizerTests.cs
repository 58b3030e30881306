using System.Text;
using System.Text.Json;
using Trace.Client.Canonical;
using Trace.Tests.Support;
using Trace.Crypto;

namespace Trace.Client.Tests.Canonical;

public class JsonCanonicalizerTests
{
    public static TheoryData<int> Cases()
    {
        using var doc = VectorFiles.Load("jcs.json");
        var data = new TheoryData<int>();
        for (var i = 0; i < doc.RootElement.GetProperty("cases").GetArrayLength(); i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Canonical_form_and_its_sha256_match_the_reference_implementation(int index)
    {
        using var doc = VectorFiles.Load("jcs.json");
        var c = doc.RootElement.GetProperty("cases")[index];

        var canonical = JsonCanonicalizer.Canonicalize(c.GetProperty("input"));

        Assert.Equal(c.GetProperty("canonical").GetString(), Encoding.UTF8.GetString(canonical));
        Assert.Equal(c.GetProperty("sha256").GetString(), Hex.Encode(Sha256Hash.Hash(canonical)));
        // Canonicalising the canonical text again changes nothing.
        Assert.Equal(canonical, JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetString(canonical)));
    }

    [Theory]
    [InlineData("1e21", "1e+21")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("0.1", "0.1")]
    [InlineData("-0", "0")]
    [InlineData("-0.0", "0")]
    [InlineData("123456789012345680000", "123456789012345680000")]
    [InlineData("1.5e300", "1.5e+300")]
    [InlineData("-2.5e-9", "-2.5e-9")]
    [InlineData("5e-324", "5e-324")]
    [InlineData("1.7976931348623157e308", "1.7976931348623157e+308")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("0.30000000000000004", "0.30000000000000004")]
    [InlineData("100", "100")]
    [InlineData("12.50", "12.5")]
    [InlineData("333333333.33333329", "333333333.3333333")]
    public void Numbers_are_written_as_ECMAScript_does(string json, string expected) =>
        Assert.Equal(expected, Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(json)));

    [Theory]
    [InlineData("""{"a":1,"a":2}""")]
    [InlineData("""{"x":{"b":1,"b":1}}""")]
    public void Duplicate_keys_are_rejected(string json) =>
        Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(json));

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e309")]
    [InlineData("NaN")]
    [InlineData("{\"a\":1,}")]
    [InlineData("\"\\ud800\"")]
    public void Values_without_a_canonical_form_are_rejected(string json) =>
        Assert.Throws<CanonicalJsonException>(() => JsonCanonicalizer.Canonicalize(json));

    [Fact]
    public void Strings_escape_only_what_RFC_8785_requires()
    {
        var json = JsonSerializer.Serialize("\u0000\u001f\b\f\n\r\t\"\\/<>é\u2028");
        Assert.Equal("\"\\u0000\\u001f\\b\\f\\n\\r\\t\\\"\\\\/<>é\u2028\"", Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(json)));
    }

    [Fact]
    public void Members_sort_by_utf16_code_units_not_by_code_points()
    {
        // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FB01 (ﬁ) in UTF-16 order.
        var canonical = Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize("{\"\uFB01\":1,\"\U0001F600\":2}"));
        Assert.Equal("{\"\U0001F600\":2,\"\uFB01\":1}", canonical);
    }
}
