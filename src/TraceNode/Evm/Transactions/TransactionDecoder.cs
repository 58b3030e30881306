using System.Numerics;
using Trace.Crypto;
using Trace.Node.Evm.Encoding;

namespace Trace.Node.Evm.Transactions;

/// <summary>
/// Parses signed legacy (with or without EIP-155), EIP-2930 and EIP-1559 transactions strictly and recovers the sender.
/// Malformed RLP → <see cref="RlpException"/>; bad fields → <see cref="InvalidTransactionException"/>;
/// bad signature → <see cref="InvalidSignatureException"/>.
/// </summary>
public static partial class TransactionDecoder
{
    private static readonly BigInteger UInt256Limit = BigInteger.One << 256;

    /// <summary>Decodes and recovers the sender; any chain id (or none, pre-EIP-155) is accepted.</summary>
    public static SignedTransaction Decode(ReadOnlySpan<byte> raw) => Decode(raw, expectedChainId: null);

    /// <summary>
    /// Decodes like <see cref="Decode(ReadOnlySpan{byte})"/> and also requires the chain id to be <paramref name="expectedChainId"/>
    /// (pre-EIP-155 transactions carry none and pass). The chain is checked before the signature, as nodes do.
    /// </summary>
    /// <exception cref="InvalidTransactionException">the transaction is for another chain.</exception>
    public static SignedTransaction Decode(ReadOnlySpan<byte> raw, ulong expectedChainId) => Decode(raw, (ulong?)expectedChainId);

    private static SignedTransaction Decode(ReadOnlySpan<byte> raw, ulong? expectedChainId)
    {
        if (raw.IsEmpty) throw new InvalidTransactionException("transaction bytes are empty");
        var first = raw[0];
        var (transaction, signature) = first switch
        {
            >= 0xc0 => DecodeLegacy(raw),
            (byte)TransactionType.AccessList or (byte)TransactionType.DynamicFee => DecodeTyped((TransactionType)first, raw[1..]),
            < 0x80 => throw new InvalidTransactionException($"transaction type 0x{first:x2} is not supported"),
            _ => RejectByteString(raw),
        };
        var chainId = transaction switch
        {
            LegacyTransaction legacy => legacy.ChainId,
            Eip2930Transaction t1 => t1.ChainId,
            Eip1559Transaction t2 => t2.ChainId,
            _ => null,
        };
        if (expectedChainId is { } expected && chainId is { } id && id != expected)
            throw new InvalidTransactionException($"transaction is for chain {id}, expected chain {expected}");
        var from = Secp256k1.RecoverAddress(TransactionEncoder.SigningHash(transaction), signature);
        var rawCopy = raw.ToArray();
        return new SignedTransaction(transaction, signature, rawCopy, TransactionEncoder.TransactionHash(rawCopy), from);
    }

    private static (Transaction, EcdsaSignature) RejectByteString(ReadOnlySpan<byte> raw)
    {
        // A header running past the end is reported as malformed RLP; otherwise the string sits where a list or type byte belongs.
        new RlpReader(raw).ReadBytes();
        throw new InvalidTransactionException("transaction bytes are an RLP byte string; expected a list (legacy) or a type byte (EIP-2718)");
    }

    private static (Transaction, EcdsaSignature) DecodeLegacy(ReadOnlySpan<byte> raw)
    {
        var outer = new RlpReader(raw);
        var fields = outer.ReadList();
        outer.EnsureEnd();
        var reader = new FieldReader(fields, "legacy transaction", 9);
        var nonce = reader.UInt64("nonce");
        var gasPrice = reader.UInt256("gasPrice");
        var gasLimit = reader.UInt64("gasLimit");
        var to = reader.To();
        var value = reader.UInt256("value");
        var data = reader.Bytes("data");
        var v = reader.Integer("v");
        var r = reader.SignatureScalar("r");
        var s = reader.SignatureScalar("s");
        reader.EnsureEnd();

        ulong? chainId;
        byte recoveryId;
        if (v == 27 || v == 28)
        {
            chainId = null;
            recoveryId = (byte)(v - 27);
        }
        else if (v >= 37)
        {
            var id = (v - 35) / 2;
            if (id > ulong.MaxValue) throw new InvalidTransactionException($"chain id encoded in v ({v}) exceeds 64 bits");
            chainId = (ulong)id;
            recoveryId = (byte)((v - 35) % 2);
        }
        else
        {
            throw new InvalidTransactionException(v == 35 || v == 36
                ? "v encodes chain id 0, which is not a valid EIP-155 chain id"
                : $"legacy v must be 27, 28 or 35 + 2·chainId + {{0,1}}, got {v}");
        }

        CheckGasCost(gasLimit, gasPrice, "gasPrice");
        var tx = new LegacyTransaction { ChainId = chainId, Nonce = nonce, GasPrice = gasPrice, GasLimit = gasLimit, To = to, Value = value, Data = data };
        return (tx, EcdsaSignature.FromComponents(r, s, recoveryId));
    }

    private static void CheckGasCost(ulong gasLimit, BigInteger pricePerGas, string field)
    {
        // A gas budget whose price overflows uint256 can never be paid; clients reject it before execution.
        if (gasLimit * pricePerGas >= UInt256Limit)
            throw new InvalidTransactionException($"gasLimit × {field} exceeds 256 bits");
    }
}
