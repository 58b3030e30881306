using Trace.Crypto;

namespace Trace.Node.Evm.Abi;

/// <summary>Accepts byte[], ReadOnlyMemory/Memory of bytes, or 0x hex text as a byte value.</summary>
internal static class AbiBytesConvert
{
    public static byte[] ToBytes(object? value, string typeName) => value switch
    {
        byte[] b => b,
        ReadOnlyMemory<byte> m => m.ToArray(),
        Memory<byte> m => m.ToArray(),
        string s when s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && Hex.TryDecode(s, out var decoded) => decoded,
        _ => throw new AbiEncodingException($"{typeName} expects byte[] or 0x hex text, got {AbiWord.Describe(value)}"),
    };
}
