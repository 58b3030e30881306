using System.Numerics;
using Trace.Crypto;
using Trace.Node.Evm.Encoding;

namespace Trace.Node.Tests.Evm.Encoding;

public class RlpStrictnessTests
{
    [Theory]
    [InlineData("8100", "single byte")]
    [InlineData("817f", "single byte")]
    [InlineData("b800", "leading zero")]
    [InlineData("b90040", "leading zero")]
    [InlineData("b801ff", "long-form")]
    [InlineData("f803112233", "long-form")]
    [InlineData("83646f", "declares 3")]
    [InlineData("c5010203", "declares 5")]
    [InlineData("", "end of RLP input")]
    [InlineData("8080", "trailing")]
    [InlineData("c0c0", "trailing")]
    public void Decode_rejects_non_canonical_or_truncated_input_with_a_specific_message(string hex, string fragment)
    {
        var error = Assert.Throws<RlpException>(() => Rlp.Decode(Hex.Decode(hex)));
        Assert.Contains(fragment, error.Message);
    }

    [Fact]
    public void Decode_rejects_nesting_deeper_than_the_limit()
    {
        var depth = RlpItem.MaxDepth + 1;
        var item = RlpItem.String([]);
        for (var i = 0; i < depth; i++) item = RlpItem.List(item);
        var error = Assert.Throws<RlpException>(() => Rlp.Decode(Rlp.Encode(item)));
        Assert.Contains("nested deeper", error.Message);
    }

    [Theory]
    [InlineData(0UL, "80")]
    [InlineData(1UL, "01")]
    [InlineData(0x7fUL, "7f")]
    [InlineData(0x80UL, "8180")]
    [InlineData(0x400UL, "820400")]
    [InlineData(ulong.MaxValue, "88ffffffffffffffff")]
    public void Unsigned_integers_encode_minimal_big_endian(ulong value, string expected)
    {
        Assert.Equal(expected, Hex.Encode(Rlp.Encode(value), prefix: false));
        Assert.Equal(expected, Hex.Encode(Rlp.Encode(new BigInteger(value)), prefix: false));
        Assert.Equal(value, new RlpReader(Rlp.Encode(value)).ReadUInt64());
    }

    [Fact]
    public void Big_integers_beyond_64_bits_round_trip()
    {
        var value = (BigInteger.One << 255) + 12345;
        var encoded = Rlp.Encode(value);
        Assert.Equal(0xa0, encoded[0]);
        Assert.Equal(value, new RlpReader(encoded).ReadBigInteger());
    }

    [Fact]
    public void Decode_rejects_leading_zero_integer()
    {
        var error = Assert.Throws<RlpException>(() => Rlp.DecodeUInt64([0x00, 0x01]));
        Assert.Contains("leading zero", error.Message);
        Assert.Throws<RlpException>(() => Rlp.DecodeBigInteger([0x00, 0x01]));
    }

    [Fact]
    public void Decode_rejects_integers_wider_than_the_limit()
    {
        Assert.Throws<RlpException>(() => Rlp.DecodeUInt64(new byte[9] { 1, 0, 0, 0, 0, 0, 0, 0, 0 }));
        var error = Assert.Throws<RlpException>(() => Rlp.DecodeBigInteger(Enumerable.Repeat((byte)0xff, 33).ToArray()));
        Assert.Contains("33 bytes", error.Message);
    }

    [Fact]
    public void Reader_reports_a_list_where_a_string_was_expected()
    {
        var error = Assert.Throws<RlpException>(() => new RlpReader([0xc0]).ReadBytes());
        Assert.Contains("expected a byte string", error.Message);
    }

    [Fact]
    public void Negative_integers_cannot_be_encoded() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Rlp.Encode(BigInteger.MinusOne));
}
