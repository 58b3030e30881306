using Trace.Crypto;

namespace Trace.Node.Evm.Abi;

/// <summary>address: 20 bytes left-padded with zeros; values are EthereumAddress (encode also accepts 0x text and byte[20]).</summary>
public sealed class AbiAddressType : AbiType
{
    /// <summary>The single instance.</summary>
    public static AbiAddressType Instance { get; } = new();

    private AbiAddressType() { }

    public override string CanonicalName => "address";
    public override bool IsDynamic => false;

    internal override object Normalize(object? value)
    {
        try
        {
            return value switch
            {
                EthereumAddress a => a,
                string s => EthereumAddress.Parse(s),
                byte[] b => EthereumAddress.FromBytes(b),
                _ => throw new AbiEncodingException($"address expects an EthereumAddress, got {AbiWord.Describe(value)}"),
            };
        }
        catch (InvalidAddressException e)
        {
            throw new AbiEncodingException($"address: {e.Message}");
        }
    }

    internal override int GetEncodedSize(object normalized) => AbiWord.Size;

    internal override void Write(object normalized, Span<byte> destination)
    {
        destination[..12].Clear();
        ((EthereumAddress)normalized).Bytes.CopyTo(destination[12..AbiWord.Size]);
    }

    internal override object Read(ReadOnlySpan<byte> data, int position)
    {
        var word = AbiWord.Slice(data, position, "address");
        if (word[..12].ContainsAnyExcept((byte)0)) AbiWord.ThrowDecoding($"address at byte {position} has non-zero padding");
        return EthereumAddress.FromBytes(word[12..]);
    }
}
