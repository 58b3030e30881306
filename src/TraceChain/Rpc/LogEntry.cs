using System.Text.Json;
using Trace.Crypto;

namespace Trace.Chain.Rpc;

/// <summary>An event log as returned by eth_getLogs or inside a receipt.</summary>
public sealed record LogEntry(
    EthereumAddress Address,
    IReadOnlyList<byte[]> Topics,
    byte[] Data,
    ulong BlockNumber,
    byte[] BlockHash,
    byte[] TransactionHash,
    ulong TransactionIndex,
    ulong LogIndex,
    bool Removed)
{
    internal static LogEntry FromJson(JsonElement json) => new(
        EthereumAddress.Parse(json.GetProperty("address").GetString()!),
        json.GetProperty("topics").EnumerateArray().Select(t => Hex.Decode(t.GetString()!)).ToArray(),
        Hex.Decode(json.GetProperty("data").GetString()!),
        json.GetProperty("blockNumber").GetQuantity(),
        Hex.Decode(json.GetProperty("blockHash").GetString()!),
        Hex.Decode(json.GetProperty("transactionHash").GetString()!),
        json.GetProperty("transactionIndex").GetQuantity(),
        json.GetProperty("logIndex").GetQuantity(),
        json.TryGetProperty("removed", out var removed) && removed.ValueKind == JsonValueKind.True);
}
