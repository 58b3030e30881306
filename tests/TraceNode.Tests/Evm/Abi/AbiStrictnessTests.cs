using System.Numerics;
using Trace.Crypto;
using Trace.Node.Evm.Abi;

namespace Trace.Node.Tests.Evm.Abi;

public class AbiStrictnessTests
{
    private static byte[] Word(string hexTail) => Hex.Decode(hexTail.PadLeft(64, '0'));

    [Theory]
    [InlineData("uint8", 256)]
    [InlineData("uint8", -1)]
    [InlineData("int8", 128)]
    [InlineData("int8", -129)]
    [InlineData("uint32", 4294967296L)]
    public void Encode_rejects_integers_outside_the_type_range(string type, long value)
    {
        var e = Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode([type], [value]));
        Assert.Contains(type, e.Message);
    }

    [Fact]
    public void Encode_rejects_uint256_above_two_to_the_256()
    {
        var e = Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(["uint256"], [BigInteger.One << 256]));
        Assert.Contains("uint256", e.Message);
    }

    [Fact]
    public void Encode_accepts_the_extremes_of_int256()
    {
        var min = -(BigInteger.One << 255);
        var max = (BigInteger.One << 255) - 1;
        var encoded = AbiEncoder.Encode(["int256", "int256"], [min, max]);
        Assert.Equal([min, max], AbiDecoder.Decode(["int256", "int256"], encoded).Cast<BigInteger>());
    }

    [Theory]
    [InlineData("bytes32", 31)]
    [InlineData("bytes4", 5)]
    [InlineData("address", 19)]
    public void Encode_rejects_byte_values_of_the_wrong_length(string type, int length) =>
        Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode([type], [new byte[length]]));

    [Fact]
    public void Encode_rejects_fixed_arrays_of_the_wrong_length() =>
        Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(["uint256[2]"], [new object[] { 1 }]));

    [Fact]
    public void Encode_rejects_a_value_of_the_wrong_clr_type() =>
        Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(["bool"], ["true"]));

    [Fact]
    public void Decode_rejects_data_shorter_than_the_head() =>
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(["uint256", "uint256"], new byte[63]));

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000002")]
    [InlineData("0100000000000000000000000000000000000000000000000000000000000001")]
    public void Decode_rejects_a_bool_that_is_not_0_or_1(string word) =>
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(["bool"], Hex.Decode(word)));

    [Fact]
    public void Decode_rejects_an_address_with_dirty_padding() =>
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(["address"], Word("01" + new string('0', 22) + new string('a', 40))));

    [Fact]
    public void Decode_rejects_a_uint8_with_high_bits_set() =>
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(["uint8"], Word("0100")));

    [Fact]
    public void Decode_rejects_an_int8_that_is_not_sign_extended() =>
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(["int8"], Word("80")));

    [Fact]
    public void Decode_reads_a_sign_extended_int8() =>
        Assert.Equal(new BigInteger(-128), AbiDecoder.Decode(["int8"], Hex.Decode(new string('f', 62) + "80"))[0]);

    [Fact]
    public void Decode_rejects_a_bytes4_with_dirty_padding() =>
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(["bytes4"], Word("01")));

    [Fact]
    public void Decode_rejects_an_offset_pointing_outside_the_data() =>
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(["bytes"], Word("40")));

    [Fact]
    public void Decode_rejects_an_offset_too_large_for_an_int() =>
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(["string"], Hex.Decode(new string('f', 64))));

    [Fact]
    public void Decode_rejects_a_bytes_length_overflowing_the_data() =>
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(["bytes"], [.. Word("20"), .. Word("21"), .. new byte[32]]));

    [Fact]
    public void Decode_rejects_a_huge_array_length_without_allocating() =>
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(["uint256[]"], [.. Word("20"), .. Word("7fffffff")]));

    [Fact]
    public void Decode_rejects_invalid_utf8_in_a_string() =>
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(["string"], [.. Word("20"), .. Word("01"), .. Hex.Decode("ff" + new string('0', 62))]));

    [Theory]
    [InlineData("uint7")]
    [InlineData("uint264")]
    [InlineData("bytes33")]
    [InlineData("bytes0")]
    [InlineData("uint08")]
    [InlineData("(uint256")]
    [InlineData("uint256[")]
    [InlineData("uint256[01]")]
    [InlineData("foo")]
    [InlineData("")]
    public void Parse_rejects_invalid_type_names(string name) => Assert.Throws<AbiFormatException>(() => AbiType.Parse(name));

    [Theory]
    [InlineData("uint", "uint256")]
    [InlineData("int", "int256")]
    [InlineData("tuple(bytes32,uint8)", "(bytes32,uint8)")]
    [InlineData("(uint256,(bool,string)[])[2][]", "(uint256,(bool,string)[])[2][]")]
    public void Parse_gives_the_canonical_name(string name, string canonical) => Assert.Equal(canonical, AbiType.Parse(name).CanonicalName);
}
