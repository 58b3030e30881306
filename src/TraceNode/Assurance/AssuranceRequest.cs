using System.Numerics;
using Trace.Crypto;

namespace Trace.Node.Assurance;

/// <summary>A signed flag, unflag or endorsement to relay. <see cref="Code"/> is the reason (flag, unflag) or the endorsement code.</summary>
/// <param name="Note">Flag only: free text kept by this node with the flag.</param>
/// <param name="Uri">Flag only: a link kept by this node with the flag.</param>
public sealed record AssuranceRequest(
    AssuranceAction Action,
    string RecordId,
    ushort Code,
    EthereumAddress Signer,
    BigInteger Nonce,
    ulong Deadline,
    byte[] Signature,
    string? Note = null,
    string? Uri = null);
