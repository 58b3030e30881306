using Trace.Crypto;

namespace Trace.Node.Evm.Transactions;

/// <summary>Owns the key side of signing: hashes the unsigned payload, signs it and assembles the signed transaction.</summary>
public static class TransactionSigner
{
    /// <summary>Signs <paramref name="transaction"/> with <paramref name="key"/> (RFC 6979, low s).</summary>
    public static SignedTransaction Sign(Transaction transaction, EthereumKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signature = key.Sign(TransactionEncoder.SigningHash(transaction));
        var raw = TransactionEncoder.EncodeSigned(transaction, signature);
        return new SignedTransaction(transaction, signature, raw, TransactionEncoder.TransactionHash(raw), key.Address);
    }
}
