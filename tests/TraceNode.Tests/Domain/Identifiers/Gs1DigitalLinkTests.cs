using Trace.Domain.Identifiers;

namespace Trace.Node.Tests.Domain.Identifiers;

public sealed class Gs1DigitalLinkTests
{
    // Rows of GS1's reference parser tests run with the default (strict) options; rows with other options test features
    // Trace does not enable (convenience alphas, zero-suppressed GTINs, unknown AIs).
    public static TheoryData<string, string, string, string> DefaultOptionRows()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var row in StandardsCsv.Read("gs1-digital-link/dl-uri-parse-tests.csv"))
            if (row["opt_permitConvenienceAlphas"] == "false" && row["opt_permitZeroSuppressedGTINinDLuris"] == "false"
                && row["opt_permitUnknownAIs"] == "false" && row["opt_validate_UNKNOWN_AI_NOT_DL_ATTR"] == "true")
                data.Add(row["dl_c_line"], row["expected"], row["uri"], row["expected_element_string"]);
        return data;
    }

    [Theory]
    [MemberData(nameof(DefaultOptionRows))]
    public void Parser_agrees_with_the_GS1_reference_parser_on_every_default_option_row(string line, string expected, string uri, string elementString)
    {
        var ok = Gs1DigitalLink.TryParse(uri, out var link, out var error);
        Assert.True(ok == (expected == "valid"), $"dl.c line {line}: {uri} expected {expected}, got {(ok ? "valid" : "invalid: " + error)}");
        if (ok) Assert.Equal(elementString, link!.ElementString);
    }

    [Fact]
    public void Default_option_rows_cover_the_csv()
    {
        Assert.True(DefaultOptionRows().Count >= 100);
    }

    [Fact]
    public void Parser_exposes_gtin_and_lot_of_a_batch_uri()
    {
        var link = Gs1DigitalLink.Parse("https://brand.example.com/res/01/09506000134352/10/PIG%2F2611?17=271231");
        Assert.Equal("01", link.PrimaryKey.Ai);
        Assert.Equal("09506000134352", link["01"]);
        Assert.Equal("PIG/2611", link["10"]);
        Assert.Equal("271231", link["17"]);
        Assert.Equal(2, link.PathElementCount);
    }
}
