using System.Numerics;
using Trace.Crypto;

namespace Trace.Chain.Contracts.Registries;

/// <summary>An actor's EIP-712 authorisation of one relayed action (the signer, nonce, deadline and signature a ...BySig call carries).</summary>
/// <param name="Nonce">The signer's EvidenceRegistry nonce it was signed with; consumed on use.</param>
/// <param name="Deadline">Last valid block timestamp (unix seconds).</param>
/// <param name="Signature">65 bytes r ‖ s ‖ v, v ∈ {27, 28}, low s.</param>
public sealed record RelayedSignature(EthereumAddress Signer, BigInteger Nonce, ulong Deadline, byte[] Signature);
