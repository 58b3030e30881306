using Trace.Domain.Assurance;

namespace Trace.Node.Assurance;

/// <summary>A relayed action, mined: its transaction, its block, and the flag or endorsement as the record now shows it.</summary>
public sealed record AssuranceReceipt(byte[] TxHash, long BlockNumber, RecordFlag? Flag, RecordEndorsement? Endorsement);
