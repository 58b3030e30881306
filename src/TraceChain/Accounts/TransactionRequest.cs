using System.Numerics;
using Trace.Crypto;

namespace Trace.Chain.Accounts;

/// <summary>
/// What to send: a call (or a deployment when <see cref="To"/> is null); gas is estimated when not given.
/// <see cref="ExtraGas"/> is added to an estimate before the margin, for calls whose cost depends on the block they land in.
/// </summary>
public sealed record TransactionRequest(EthereumAddress? To, byte[] Data, BigInteger? Value = null, ulong? GasLimit = null, ulong ExtraGas = 0);
