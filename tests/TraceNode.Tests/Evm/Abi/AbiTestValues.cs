using System.Numerics;
using System.Text.Json;
using Trace.Crypto;
using Trace.Node.Evm.Abi;

namespace Trace.Node.Tests.Evm.Abi;

/// <summary>Turns vector JSON values into the CLR values the ABI codec uses, and compares decoded values deeply.</summary>
internal static class AbiTestValues
{
    public static object? FromJson(AbiType type, JsonElement value) => type switch
    {
        AbiIntegerType => value.ValueKind == JsonValueKind.Number ? new BigInteger(value.GetDecimal()) : BigInteger.Parse(value.GetString()!),
        AbiAddressType => EthereumAddress.Parse(value.GetString()!),
        AbiBoolType => value.GetBoolean(),
        AbiFixedBytesType or AbiBytesType when value.GetString()!.StartsWith("0x") => Hex.Decode(value.GetString()!),
        AbiFixedBytesType or AbiBytesType => System.Text.Encoding.UTF8.GetBytes(value.GetString()!),
        AbiStringType => value.GetString(),
        AbiArrayType array => value.EnumerateArray().Select(v => FromJson(array.Element, v)).ToArray(),
        AbiTupleType tuple => value.EnumerateArray().Select((v, i) => FromJson(tuple.Components[i], v)).ToArray(),
        _ => throw new NotSupportedException(type.CanonicalName),
    };

    public static void AssertDeepEqual(object? expected, object? actual)
    {
        switch (expected)
        {
            case object?[] items:
                var actualItems = Assert.IsType<object?[]>(actual, exactMatch: false);
                Assert.Equal(items.Length, actualItems.Length);
                for (var i = 0; i < items.Length; i++) AssertDeepEqual(items[i], actualItems[i]);
                break;
            case byte[] bytes:
                Assert.Equal(Hex.Encode(bytes), Hex.Encode(Assert.IsType<byte[]>(actual)));
                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }
}
