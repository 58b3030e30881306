using System.Numerics;
using System.Text.Json;
using Trace.Crypto;

namespace Trace.Chain.Rpc;

/// <summary>The parts of a block Trace needs: number, hash, parent, time and base fee.</summary>
public sealed record BlockHeader(ulong Number, byte[] Hash, byte[] ParentHash, ulong Timestamp, BigInteger? BaseFeePerGas)
{
    internal static BlockHeader FromJson(JsonElement json) => new(
        json.GetProperty("number").GetQuantity(),
        Hex.Decode(json.GetProperty("hash").GetString()!),
        Hex.Decode(json.GetProperty("parentHash").GetString()!),
        json.GetProperty("timestamp").GetQuantity(),
        json.TryGetProperty("baseFeePerGas", out var fee) && fee.ValueKind == JsonValueKind.String ? fee.GetBigQuantity() : null);
}
