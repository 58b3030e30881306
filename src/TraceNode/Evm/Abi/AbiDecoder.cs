namespace Trace.Node.Evm.Abi;

/// <summary>Strictly decodes ABI data (abi.decode) into CLR values; malformed input raises AbiDecodingException only.</summary>
public static class AbiDecoder
{
    /// <summary>abi.decode(data, (types…)); extra trailing bytes are allowed, as in Solidity.</summary>
    /// <exception cref="AbiDecodingException">data too short, offsets or lengths out of bounds, dirty padding, invalid UTF-8.</exception>
    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data) =>
        AbiSequence.Read(i => types[i], types.Count, data, 0, "data");

    /// <summary>Decodes with type names, e.g. Decode(["address", "uint256"], data).</summary>
    public static object?[] Decode(IReadOnlyList<string> typeNames, ReadOnlySpan<byte> data) =>
        Decode([.. typeNames.Select(AbiType.Parse)], data);

    /// <summary>Decodes data holding a single value.</summary>
    public static object? DecodeSingle(AbiType type, ReadOnlySpan<byte> data) => Decode([type], data)[0];
}
