using System.Numerics;
using Trace.Crypto;
using Trace.Node.Evm.Abi;

namespace Trace.Node.Tests.Evm.Abi;

public class AbiRoundTripTests
{
    private static readonly EthereumAddress Alice = EthereumAddress.Parse("0x9EDaa48527A4C4144712e2dDD62a0248cF2f1041");

    public static TheoryData<string, object?> Cases() => new()
    {
        { "uint8", new BigInteger(255) },
        { "int16", new BigInteger(-32768) },
        { "uint256", (BigInteger.One << 256) - 1 },
        { "address", Alice },
        { "bool", false },
        { "bytes1", new byte[] { 0xab } },
        { "bytes", Array.Empty<byte>() },
        { "bytes", Enumerable.Range(0, 65).Select(i => (byte)i).ToArray() },
        { "string", "" },
        { "string", "碳足迹 🚢" },
        { "uint256[]", Array.Empty<object?>() },
        { "string[2]", new object?[] { "a", "bc" } },
        { "(uint64,string,address[])", new object?[] { new BigInteger(7), "x", new object?[] { Alice, Alice } } },
        { "(bytes32,(bool,bytes)[])[]", new object?[] { new object?[] { new byte[32], new object?[] { new object?[] { true, new byte[] { 1, 2, 3 } } } } } },
        { "uint8[2][3]", new object?[] { new object?[] { BigInteger.One, BigInteger.Zero }, new object?[] { BigInteger.One, BigInteger.One }, new object?[] { BigInteger.Zero, BigInteger.Zero } } },
        { "string[][]", new object?[] { new object?[] { "a" }, Array.Empty<object?>(), new object?[] { "b", "c" } } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Value_survives_encode_then_decode(string typeName, object? value)
    {
        var type = AbiType.Parse(typeName);
        var encoded = AbiEncoder.EncodeSingle(type, value);
        Assert.Equal(0, encoded.Length % 32);
        AbiTestValues.AssertDeepEqual(value, AbiDecoder.DecodeSingle(type, encoded));
    }

    [Fact]
    public void Encode_accepts_small_clr_integers_and_lists()
    {
        var viaInts = AbiEncoder.Encode(["uint8", "int64", "uint64", "uint32[]"], [(byte)7, -5L, 9UL, new List<uint> { 1, 2 }]);
        var viaBig = AbiEncoder.Encode(["uint8", "int64", "uint64", "uint32[]"],
            [new BigInteger(7), new BigInteger(-5), new BigInteger(9), new object?[] { BigInteger.One, new BigInteger(2) }]);
        Assert.Equal(viaBig, viaInts);
    }
}
