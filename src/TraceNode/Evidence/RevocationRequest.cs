using System.Numerics;
using Trace.Crypto;

namespace Trace.Node.Evidence;

/// <summary>An issuer-signed revocation (or supersession when <see cref="SupersededBy"/> is set) to relay on chain.</summary>
public sealed record RevocationRequest(string RecordId, string? SupersededBy, ushort Reason, BigInteger Nonce, ulong Deadline, byte[] Signature, EthereumAddress? Signer);
