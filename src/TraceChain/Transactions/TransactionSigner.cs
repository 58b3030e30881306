using System.Numerics;
using Nethereum.Model;
using Nethereum.Signer;
using Trace.Crypto;

namespace Trace.Chain.Transactions;

/// <summary>
/// Signs transactions with Nethereum's signers (EIP-155 legacy and EIP-1559) and returns the raw bytes and hash, so the
/// caller can persist both before broadcasting. Trace sends a few transactions a second, so Nethereum's slower key is fine
/// here; the per-record hot path keeps Trace's own secp256k1.
/// </summary>
public static class TransactionSigner
{
    /// <summary>Signs <paramref name="transaction"/> with <paramref name="key"/> (RFC 6979, low s).</summary>
    public static SignedTransaction Sign(Transaction transaction, EthereumKey key)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(key);
        var secret = key.ExportPrivateKey();
        try
        {
            var ecKey = new EthECKey(secret, true);
            var to = transaction.To?.ToLowerHex();
            var data = Hex.Encode(transaction.Data);
            ISignedTransaction signed;
            byte recoveryId;
            switch (transaction)
            {
                case Eip1559Transaction dynamicFee:
                    var tx1559 = new Transaction1559(dynamicFee.ChainId, dynamicFee.Nonce, dynamicFee.MaxPriorityFeePerGas, dynamicFee.MaxFeePerGas,
                        dynamicFee.GasLimit, to, dynamicFee.Value, data, []);
                    new Transaction1559Signer().SignTransaction(ecKey, tx1559);
                    signed = tx1559;
                    recoveryId = Normalise(tx1559.Signature.V); // typed transactions carry the y parity itself
                    break;
                case LegacyTransaction { ChainId: { } chainId } legacy:
                    var eip155 = new LegacyTransactionChainId(to, legacy.Value, legacy.Nonce, legacy.GasPrice, legacy.GasLimit, data, chainId);
                    new LegacyTransactionSigner().SignTransaction(secret, eip155);
                    signed = eip155;
                    recoveryId = (byte)EthECKey.GetRecIdFromVChain(new BigInteger(eip155.Signature.V, isUnsigned: true, isBigEndian: true), chainId);
                    break;
                case LegacyTransaction legacy:
                    var frontier = new Nethereum.Model.LegacyTransaction(to, legacy.Value, legacy.Nonce, legacy.GasPrice, legacy.GasLimit, data);
                    new LegacyTransactionSigner().SignTransaction(secret, frontier);
                    signed = frontier;
                    recoveryId = (byte)(Normalise(frontier.Signature.V) - 27);
                    break;
                default:
                    throw new NotSupportedException($"Trace does not sign {transaction.Type} transactions");
            }
            var raw = signed.GetRLPEncoded();
            var signature = EcdsaSignature.FromComponents(Pad32(signed.Signature.R), Pad32(signed.Signature.S), recoveryId);
            return new SignedTransaction(transaction, signature, raw, Keccak256.Hash(raw), key.Address);
        }
        finally
        {
            Array.Clear(secret);
        }
    }

    /// <summary>The fields of a signed EIP-1559 transaction (decoded by Nethereum), e.g. to price its replacement; null for other types.</summary>
    public static Eip1559Transaction? ReadEip1559(byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (TransactionFactory.CreateTransaction(raw) is not Transaction1559 tx) return null;
        return new Eip1559Transaction
        {
            ChainId = (ulong)tx.ChainId,
            Nonce = (ulong)(tx.Nonce ?? 0),
            MaxPriorityFeePerGas = tx.MaxPriorityFeePerGas ?? 0,
            MaxFeePerGas = tx.MaxFeePerGas ?? 0,
            GasLimit = (ulong)(tx.GasLimit ?? 0),
            To = string.IsNullOrEmpty(tx.ReceiverAddress) ? null : EthereumAddress.Parse(tx.ReceiverAddress),
            Value = tx.Amount ?? 0,
            Data = string.IsNullOrEmpty(tx.Data) ? [] : Hex.Decode(tx.Data),
        };
    }

    // Nethereum keeps v as minimal big-endian bytes: y parity 0 is an empty array for typed transactions.
    private static byte Normalise(byte[]? v) => v is { Length: > 0 } ? v[^1] : (byte)0;

    private static byte[] Pad32(byte[] scalar)
    {
        if (scalar.Length == 32) return scalar;
        var padded = new byte[32];
        scalar.AsSpan(Math.Max(0, scalar.Length - 32)).CopyTo(padded.AsSpan(32 - Math.Min(32, scalar.Length)));
        return padded;
    }
}
