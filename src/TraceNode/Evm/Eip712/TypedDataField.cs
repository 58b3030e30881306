namespace Trace.Node.Evm.Eip712;

/// <summary>One member of an EIP-712 struct type: its name and its type ("uint256", "Person", "bytes32[]"…).</summary>
public sealed record TypedDataField(string Name, string Type);
