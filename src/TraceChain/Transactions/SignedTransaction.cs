using Trace.Crypto;

namespace Trace.Chain.Transactions;

/// <summary>A transaction with its signature, network bytes, hash and sender.</summary>
/// <param name="Transaction">The unsigned fields.</param>
/// <param name="Signature">r, s and the y parity.</param>
/// <param name="Raw">The serialized signed transaction, as sent with eth_sendRawTransaction.</param>
/// <param name="Hash">keccak256(<paramref name="Raw"/>), the transaction hash.</param>
/// <param name="From">The sender recovered from (or signing with) the key.</param>
public sealed record SignedTransaction(Transaction Transaction, EcdsaSignature Signature, byte[] Raw, byte[] Hash, EthereumAddress From)
{
    /// <summary>0x hex of <see cref="Hash"/>.</summary>
    public string HashHex => Hex.Encode(Hash);

    /// <summary>0x hex of <see cref="Raw"/>, the eth_sendRawTransaction parameter.</summary>
    public string RawHex => Hex.Encode(Raw);

    /// <summary>Shows type, hash and sender only; raw signed bytes are kept out of logs.</summary>
    public override string ToString() => $"SignedTransaction {{ Type = {Transaction.Type}, Hash = {HashHex}, From = {From} }}";
}
