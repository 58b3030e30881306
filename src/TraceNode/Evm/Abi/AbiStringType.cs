using System.Text;

namespace Trace.Node.Evm.Abi;

/// <summary>string: UTF-8 bytes encoded like bytes; decoding rejects invalid UTF-8.</summary>
public sealed class AbiStringType : AbiType
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The single instance.</summary>
    public static AbiStringType Instance { get; } = new();

    private AbiStringType() { }

    public override string CanonicalName => "string";
    public override bool IsDynamic => true;

    internal override object Normalize(object? value)
    {
        if (value is not string s) throw new AbiEncodingException($"string expects a string, got {AbiWord.Describe(value)}");
        try
        {
            return StrictUtf8.GetBytes(s);
        }
        catch (EncoderFallbackException)
        {
            throw new AbiEncodingException("string contains an unpaired surrogate and has no UTF-8 form");
        }
    }

    internal override int GetEncodedSize(object normalized) => AbiWord.Size + AbiWord.PaddedLength(((byte[])normalized).Length);

    internal override void Write(object normalized, Span<byte> destination) => AbiBytesType.WriteBytes((byte[])normalized, destination);

    internal override object Read(ReadOnlySpan<byte> data, int position)
    {
        var bytes = AbiBytesType.ReadBytes(data, position, CanonicalName);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new AbiDecodingException($"string at byte {position} is not valid UTF-8");
        }
    }
}
