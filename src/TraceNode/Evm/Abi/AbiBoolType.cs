namespace Trace.Node.Evm.Abi;

/// <summary>bool: a word holding exactly 0 or 1.</summary>
public sealed class AbiBoolType : AbiType
{
    /// <summary>The single instance.</summary>
    public static AbiBoolType Instance { get; } = new();

    private AbiBoolType() { }

    public override string CanonicalName => "bool";
    public override bool IsDynamic => false;

    internal override object Normalize(object? value) =>
        value as bool? ?? throw new AbiEncodingException($"bool expects a bool, got {AbiWord.Describe(value)}");

    internal override int GetEncodedSize(object normalized) => AbiWord.Size;

    internal override void Write(object normalized, Span<byte> destination)
    {
        destination[..AbiWord.Size].Clear();
        destination[AbiWord.Size - 1] = (bool)normalized ? (byte)1 : (byte)0;
    }

    internal override object Read(ReadOnlySpan<byte> data, int position)
    {
        var word = AbiWord.Slice(data, position, "bool");
        if (word[..31].ContainsAnyExcept((byte)0) || word[31] > 1)
            AbiWord.ThrowDecoding($"bool at byte {position} is neither 0 nor 1");
        return word[31] == 1;
    }
}
