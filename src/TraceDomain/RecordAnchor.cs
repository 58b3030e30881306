namespace Trace.Domain;

/// <summary>The transaction and block that recorded a record's batch root on chain.</summary>
/// <param name="TxHash">The anchoring transaction, 32 bytes.</param>
/// <param name="BlockNumber">The block it was mined in.</param>
/// <param name="BlockHash">That block's hash, 32 bytes.</param>
public sealed record RecordAnchor(byte[] TxHash, long BlockNumber, byte[] BlockHash);
