using Trace.Domain.Identifiers;

namespace Trace.Node.Tests.Domain.Identifiers;

public sealed class Gs1CheckDigitTests
{
    public static TheoryData<string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in StandardsCsv.Read("gs1-digital-link/check-digit-tests.csv"))
            data.Add(row["lint_csum_c_line"], row["expected"], row["value"]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Check_digit_agrees_with_every_GS1_reference_case(string line, string expected, string value)
    {
        Assert.True(Gs1CheckDigit.IsValid(value) == (expected == "valid"), $"lint_csum.c line {line}: '{value}' expected {expected}");
    }

    [Theory]
    [InlineData("9506000134352", "09506000134352")]
    [InlineData("09506000134352", "09506000134352")]
    [InlineData("416000336108", "00416000336108")]
    [InlineData("02345673", "00000002345673")]
    public void Gtin_normalises_to_fourteen_digits(string text, string expected)
    {
        Assert.Equal(expected, Gtin.Parse(text).Value);
    }

    [Fact]
    public void Gtin_with_wrong_check_digit_names_both_digits()
    {
        Assert.False(Gtin.TryParse("09506000134351", out _, out var error));
        Assert.Equal("GTIN 09506000134351 has check digit 1, expected 2", error);
    }

    [Theory]
    [InlineData("0950600013435")]
    [InlineData("095060001343522")]
    [InlineData("0950600013435A")]
    [InlineData("")]
    public void Gtin_refuses_wrong_lengths_and_non_digits(string text)
    {
        Assert.False(Gtin.TryParse(text, out _, out _));
    }
}
