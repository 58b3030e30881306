using System.Numerics;

namespace Trace.Chain.Accounts;

/// <summary>EIP-1559 fee caps for the next block, in wei per gas.</summary>
public sealed record FeeSuggestion(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas, BigInteger BaseFeePerGas);
