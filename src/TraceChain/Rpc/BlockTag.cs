namespace Trace.Chain.Rpc;

/// <summary>A block selector for JSON-RPC: a number or one of latest/pending/safe/finalized/earliest.</summary>
public readonly record struct BlockTag(string Value)
{
    public static BlockTag Latest { get; } = new("latest");
    public static BlockTag Pending { get; } = new("pending");
    public static BlockTag Safe { get; } = new("safe");
    public static BlockTag Finalized { get; } = new("finalized");
    public static BlockTag Earliest { get; } = new("earliest");

    public static BlockTag Number(ulong number) => new(HexQuantity.Format(number));

    public override string ToString() => Value;
}
