namespace Trace.Node.Evm.Abi;

/// <summary>A Solidity ABI type (uintN, address, bytes, T[], tuples…) that encodes and decodes its own values.</summary>
/// <remarks>
/// CLR mapping: uintN/intN ↔ BigInteger, address ↔ EthereumAddress, bool ↔ bool, bytesN/bytes ↔ byte[],
/// string ↔ string, arrays and tuples ↔ object?[].
/// </remarks>
public abstract class AbiType
{
    /// <summary>The canonical name used in signatures, e.g. "uint256" or "(bytes32,address)[]".</summary>
    public abstract string CanonicalName { get; }

    /// <summary>True when the encoding is placed in the tail and referenced by an offset.</summary>
    public abstract bool IsDynamic { get; }

    /// <summary>Bytes this type takes in the head of an enclosing tuple (32 for dynamic types).</summary>
    public virtual int HeadSize => 32;

    /// <summary>Parses a type name such as "uint8", "bytes32[]", "(uint256,string)[2]" or "tuple(bool,address)".</summary>
    /// <exception cref="AbiFormatException">the name is not a valid ABI type.</exception>
    public static AbiType Parse(string name) => AbiTypeParser.Parse(name);

    /// <summary>Checks and converts a CLR value to the internal form (BigInteger, byte[], object?[]…).</summary>
    internal abstract object Normalize(object? value);

    /// <summary>Full encoded size of a normalized value (head size for static types).</summary>
    internal abstract int GetEncodedSize(object normalized);

    /// <summary>Writes exactly <see cref="GetEncodedSize"/> bytes.</summary>
    internal abstract void Write(object normalized, Span<byte> destination);

    /// <summary>Reads a value whose encoding starts at <paramref name="position"/> in <paramref name="data"/>.</summary>
    internal abstract object Read(ReadOnlySpan<byte> data, int position);

    public override string ToString() => CanonicalName;
}
