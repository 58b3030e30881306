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
}
