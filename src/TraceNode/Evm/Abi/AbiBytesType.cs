namespace Trace.Node.Evm.Abi;

/// <summary>bytes: a dynamic byte string (length word, then the bytes right-padded to a multiple of 32).</summary>
public sealed class AbiBytesType : AbiType
{
    /// <summary>The single instance.</summary>
    public static AbiBytesType Instance { get; } = new();

    private AbiBytesType() { }

    public override string CanonicalName => "bytes";
    public override bool IsDynamic => true;

    internal override object Normalize(object? value) => AbiBytesConvert.ToBytes(value, CanonicalName);

    internal override int GetEncodedSize(object normalized) => AbiWord.Size + AbiWord.PaddedLength(((byte[])normalized).Length);

    internal override void Write(object normalized, Span<byte> destination) => WriteBytes((byte[])normalized, destination);

    internal override object Read(ReadOnlySpan<byte> data, int position) => ReadBytes(data, position, CanonicalName).ToArray();

    internal static void WriteBytes(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        AbiWord.WriteLength(bytes.Length, destination);
        bytes.CopyTo(destination[AbiWord.Size..]);
        destination.Slice(AbiWord.Size + bytes.Length, AbiWord.PaddedLength(bytes.Length) - bytes.Length).Clear();
    }

    internal static ReadOnlySpan<byte> ReadBytes(ReadOnlySpan<byte> data, int position, string typeName)
    {
        var length = AbiWord.ReadLength(data, position, data.Length - position - AbiWord.Size, $"{typeName} length");
        return data.Slice(position + AbiWord.Size, length);
    }
}
