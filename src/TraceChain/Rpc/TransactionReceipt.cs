using System.Numerics;
using System.Text.Json;
using Trace.Crypto;

namespace Trace.Chain.Rpc;

/// <summary>The outcome of a mined transaction (eth_getTransactionReceipt).</summary>
public sealed record TransactionReceipt(
    byte[] TransactionHash,
    ulong BlockNumber,
    byte[] BlockHash,
    EthereumAddress From,
    EthereumAddress? To,
    EthereumAddress? ContractAddress,
    bool Succeeded,
    ulong GasUsed,
    BigInteger EffectiveGasPrice,
    IReadOnlyList<LogEntry> Logs)
{
    internal static TransactionReceipt FromJson(JsonElement json) => new(
        Hex.Decode(json.GetProperty("transactionHash").GetString()!),
        json.GetProperty("blockNumber").GetQuantity(),
        Hex.Decode(json.GetProperty("blockHash").GetString()!),
        EthereumAddress.Parse(json.GetProperty("from").GetString()!),
        OptionalAddress(json, "to"),
        OptionalAddress(json, "contractAddress"),
        json.GetProperty("status").GetQuantity() == 1,
        json.GetProperty("gasUsed").GetQuantity(),
        json.TryGetProperty("effectiveGasPrice", out var price) ? price.GetBigQuantity() : BigInteger.Zero,
        json.GetProperty("logs").EnumerateArray().Select(LogEntry.FromJson).ToArray());

    private static EthereumAddress? OptionalAddress(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? EthereumAddress.Parse(value.GetString()!) : null;
}
