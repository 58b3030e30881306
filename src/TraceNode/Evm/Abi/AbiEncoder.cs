namespace Trace.Node.Evm.Abi;

/// <summary>ABI-encodes values (abi.encode): a list of values as a tuple of the given types.</summary>
public static class AbiEncoder
{
    /// <summary>abi.encode(values) for the given types.</summary>
    /// <exception cref="AbiEncodingException">a value does not fit its type.</exception>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values) => Encode(types, values, prefix: []);

    /// <summary>abi.encode with type names, e.g. Encode(["uint256", "string"], [1, "x"]).</summary>
    public static byte[] Encode(IReadOnlyList<string> typeNames, IReadOnlyList<object?> values) =>
        Encode([.. typeNames.Select(AbiType.Parse)], values);

    /// <summary>The encoding of a single value as a one-element tuple (what abi.encode(value) gives).</summary>
    public static byte[] EncodeSingle(AbiType type, object? value) => Encode([type], [value]);

    /// <summary>Encodes values after a fixed prefix (a 4-byte selector for calls and errors).</summary>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values, ReadOnlySpan<byte> prefix)
    {
        if (types.Count != values.Count) throw new AbiEncodingException($"expected {types.Count} values, got {values.Count}");
        var normalized = new object[values.Count];
        for (var i = 0; i < normalized.Length; i++)
        {
            try
            {
                normalized[i] = types[i].Normalize(values[i]);
            }
            catch (AbiEncodingException e) when (values.Count > 1)
            {
                throw new AbiEncodingException($"argument {i} ({types[i].CanonicalName}): {e.Message}");
            }
        }
        var size = AbiSequence.EncodedSize(i => types[i], normalized);
        var result = new byte[prefix.Length + size];
        prefix.CopyTo(result);
        AbiSequence.Write(i => types[i], normalized, result.AsSpan(prefix.Length));
        return result;
    }
}
