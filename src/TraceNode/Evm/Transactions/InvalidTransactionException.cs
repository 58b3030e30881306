namespace Trace.Node.Evm.Transactions;

/// <summary>Raised when transaction fields or bytes break a rule of the transaction format (field count, sizes, chain id, fee limits).</summary>
public sealed class InvalidTransactionException(string message) : FormatException(message);
