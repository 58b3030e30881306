using System.Text.Json;
using Trace.Crypto;

namespace Trace.Chain.Rpc;

/// <summary>A transaction as eth_getTransactionByHash reports it: who sent it, its nonce and type, and its block once mined.</summary>
public sealed record RpcTransaction(byte[] Hash, EthereumAddress From, EthereumAddress? To, ulong Nonce, byte Type, ulong? BlockNumber)
{
    internal static RpcTransaction FromJson(JsonElement json) => new(
        Hex.Decode(json.GetProperty("hash").GetString()!),
        EthereumAddress.Parse(json.GetProperty("from").GetString()!),
        json.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.String ? EthereumAddress.Parse(to.GetString()!) : null,
        json.GetProperty("nonce").GetQuantity(),
        // Pre-EIP-2718 nodes omit "type" for legacy transactions.
        json.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? (byte)type.GetQuantity() : (byte)0,
        json.TryGetProperty("blockNumber", out var block) && block.ValueKind == JsonValueKind.String ? block.GetQuantity() : null);
}
