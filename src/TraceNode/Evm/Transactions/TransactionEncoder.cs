using System.Numerics;
using Trace.Crypto;
using Trace.Node.Evm.Encoding;

namespace Trace.Node.Evm.Transactions;

/// <summary>
/// Owns the bytes of a transaction: the unsigned signing payload, its hash, the signed network
/// serialization and the transaction hash. Keys live in <see cref="TransactionSigner"/>.
/// </summary>
public static partial class TransactionEncoder
{
    /// <summary>The payload that is hashed for signing (EIP-155 appends chainId, 0, 0 to legacy; typed ones are type ‖ rlp(fields)).</summary>
    public static byte[] EncodeUnsigned(Transaction transaction)
    {
        Validate(transaction);
        var tail = transaction is LegacyTransaction { ChainId: { } chainId }
            ? new SignatureFields(chainId, [], [])
            : (SignatureFields?)null;
        return Encode(transaction, tail);
    }

    /// <summary>keccak256 of <see cref="EncodeUnsigned"/>: the digest the sender signs.</summary>
    public static byte[] SigningHash(Transaction transaction) => Keccak256.Hash(EncodeUnsigned(transaction));

    /// <summary>The signed serialization sent with eth_sendRawTransaction.</summary>
    /// <exception cref="InvalidSignatureException">the recovery id is not 0 or 1.</exception>
    public static byte[] EncodeSigned(Transaction transaction, EcdsaSignature signature)
    {
        Validate(transaction);
        if (!signature.IsInitialized) throw new InvalidSignatureException("signature is empty (default value)");
        if (signature.RecoveryId > 1) throw new InvalidSignatureException($"recovery id {signature.RecoveryId} cannot be carried by a transaction (0 or 1 only)");
        BigInteger v = transaction switch
        {
            LegacyTransaction { ChainId: { } chainId } => new BigInteger(chainId) * 2 + 35 + signature.RecoveryId,
            LegacyTransaction => 27 + signature.RecoveryId,
            _ => signature.RecoveryId,
        };
        return Encode(transaction, new SignatureFields(v, TrimLeadingZeros(signature.R), TrimLeadingZeros(signature.S)));
    }

    /// <summary>The transaction hash: keccak256 of the signed serialization.</summary>
    public static byte[] TransactionHash(ReadOnlySpan<byte> signedRaw) => Keccak256.Hash(signedRaw);

    /// <summary>Trailing list items: v (or chain id / y parity) and r, s as minimal big-endian integers.</summary>
    private readonly record struct SignatureFields(BigInteger V, byte[] R, byte[] S)
    {
        public int Length => Rlp.LengthOf(V) + Rlp.LengthOfBytes(R) + Rlp.LengthOfBytes(S);

        public void Write(ref RlpWriter writer)
        {
            writer.WriteUInt(V);
            writer.WriteBytes(R);
            writer.WriteBytes(S);
        }
    }

    private static byte[] Encode(Transaction transaction, SignatureFields? tail)
    {
        var content = ContentLength(transaction) + (tail?.Length ?? 0);
        var typed = transaction.Type != TransactionType.Legacy;
        var result = new byte[(typed ? 1 : 0) + Rlp.LengthOfList(content)];
        var writer = new RlpWriter(typed ? result.AsSpan(1) : result);
        if (typed) result[0] = (byte)transaction.Type;
        writer.WriteListHeader(content);
        WriteContent(ref writer, transaction);
        tail?.Write(ref writer);
        return result;
    }

    private static ReadOnlySpan<byte> ToBytes(EthereumAddress? to) => to is { } address ? address.Bytes : [];

    private static byte[] TrimLeadingZeros(byte[] value)
    {
        var start = 0;
        while (start < value.Length && value[start] == 0) start++;
        return value[start..];
    }
}
