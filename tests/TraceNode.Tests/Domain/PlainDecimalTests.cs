using System.Globalization;
using Trace.Domain.Lineage;

namespace Trace.Node.Tests.Domain;

/// <summary>Lineage figures go out as plain decimal text without trailing zeros, the same text whatever the stored scale.</summary>
public sealed class PlainDecimalTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("0.000", "0")]
    [InlineData("-0.000", "0")]
    [InlineData("1000", "1000")]
    [InlineData("1000.000", "1000")]
    [InlineData("12.5000", "12.5")]
    [InlineData("-12.5000", "-12.5")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("-7.9228162514264337593543950335", "-7.9228162514264337593543950335")]
    [InlineData("0.1000000000000000000000000000", "0.1")]
    public void Figures_are_written_without_exponent_or_trailing_zeros(string stored, string expected) =>
        Assert.Equal(expected, PlainDecimal.Format(decimal.Parse(stored, NumberStyles.Number, CultureInfo.InvariantCulture)));

    [Fact]
    public void Negative_zero_from_arithmetic_is_written_as_zero() =>
        Assert.Equal("0", PlainDecimal.Format(-1.50m * 0.000m));

    [Fact]
    public void Random_figures_read_back_to_the_same_value_at_the_smallest_scale()
    {
        var random = new Random(20261203);
        for (var i = 0; i < 20_000; i++)
        {
            var value = new decimal(random.Next(), random.Next(), random.Next(0, 0x3FFFFFFF), random.Next(2) == 1, (byte)random.Next(0, 29));
            var text = PlainDecimal.Format(value);
            var back = decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
            Assert.Equal(value, back);
            // The smallest scale: no trailing zero after a point, no exponent, no lone point.
            Assert.DoesNotContain("E", text, StringComparison.OrdinalIgnoreCase);
            Assert.False(text.Contains('.') && (text.EndsWith('0') || text.EndsWith('.')), text);
            // The same text as normalising the scale by a division, which the lineage answers did before.
            Assert.Equal((value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture), text);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("0.000")]
    [InlineData("12.5000")]
    [InlineData("-12.5")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950.35")]
    [InlineData("-7.922816251426433759354395033")]
    public void Stored_text_reads_as_the_general_parser_reads_it_scale_included(string stored)
    {
        Assert.True(PlainDecimal.TryParseUtf8(System.Text.Encoding.UTF8.GetBytes(stored), out var value));
        var expected = decimal.Parse(stored, NumberStyles.Number, CultureInfo.InvariantCulture);
        Assert.Equal(expected, value);
        Assert.Equal(expected.Scale, value.Scale);
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1e5")]
    [InlineData("1,000")]
    [InlineData("1.2.3")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("79228162514264337593543950335")] // 29 digits: left to the general parser
    [InlineData("0.00000000000000000000000000001")] // 29 after the point
    public void Text_outside_the_stored_form_is_left_to_the_general_parser(string text) =>
        Assert.False(PlainDecimal.TryParseUtf8(System.Text.Encoding.UTF8.GetBytes(text), out _));

    [Fact]
    public void Random_stored_figures_read_back_exactly()
    {
        var random = new Random(20261204);
        for (var i = 0; i < 20_000; i++)
        {
            // At most 28 digits: the high word below 0x204FCE5E keeps the mantissa under 10^28.
            var value = new decimal(random.Next(), random.Next(), random.Next(0, 0x204FCE5E), random.Next(2) == 1, (byte)random.Next(0, 29));
            var stored = value.ToString(CultureInfo.InvariantCulture);
            Assert.True(PlainDecimal.TryParseUtf8(System.Text.Encoding.UTF8.GetBytes(stored), out var back), stored);
            Assert.Equal(stored, back.ToString(CultureInfo.InvariantCulture));
        }
    }
}
