namespace Trace.Node.Anchoring;

/// <summary>Where the registry recorded a root: the anchoring transaction, its block and that block's time.</summary>
public sealed record RootAnchoring(byte[] Root, byte[] TxHash, ulong BlockNumber, byte[] BlockHash, DateTimeOffset AnchoredAt, uint Count);
