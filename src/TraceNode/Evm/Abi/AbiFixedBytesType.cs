namespace Trace.Node.Evm.Abi;

/// <summary>bytesN (N = 1…32): N bytes right-padded with zeros; values are byte[N].</summary>
public sealed class AbiFixedBytesType : AbiType
{
    public AbiFixedBytesType(int length)
    {
        if (length is < 1 or > 32) throw new AbiFormatException($"bytesN needs N in 1..32, got {length}");
        Length = length;
        CanonicalName = "bytes" + length;
    }

    /// <summary>N.</summary>
    public int Length { get; }

    public override string CanonicalName { get; }
    public override bool IsDynamic => false;

    internal override object Normalize(object? value)
    {
        var bytes = AbiBytesConvert.ToBytes(value, CanonicalName);
        if (bytes.Length != Length) AbiWord.ThrowEncoding($"{CanonicalName} expects exactly {Length} bytes, got {bytes.Length}");
        return bytes;
    }

    internal override int GetEncodedSize(object normalized) => AbiWord.Size;

    internal override void Write(object normalized, Span<byte> destination)
    {
        destination[..AbiWord.Size].Clear();
        ((byte[])normalized).CopyTo(destination);
    }

    internal override object Read(ReadOnlySpan<byte> data, int position)
    {
        var word = AbiWord.Slice(data, position, CanonicalName);
        if (word[Length..].ContainsAnyExcept((byte)0)) AbiWord.ThrowDecoding($"{CanonicalName} at byte {position} has non-zero padding");
        return word[..Length].ToArray();
    }
}
