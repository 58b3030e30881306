namespace Trace.Crypto.Eip712;

/// <summary>
/// Trace's signed claim, the Solidity struct
/// EvidenceClaim(bytes32 contentHash, uint8 kind, bytes32 subject, address issuer, uint64 issuedAt, bytes32 nonce).
/// ContentHash, Subject and Nonce are 32 bytes each; IssuedAt is Unix seconds.
/// </summary>
public sealed record EvidenceClaimData(byte[] ContentHash, byte Kind, byte[] Subject, EthereumAddress Issuer, ulong IssuedAt, byte[] Nonce);
