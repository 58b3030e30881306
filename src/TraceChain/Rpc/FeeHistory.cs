using System.Numerics;
using System.Text.Json;

namespace Trace.Chain.Rpc;

/// <summary>eth_feeHistory: base fees (one more than blocks asked) and priority-fee percentiles per block.</summary>
public sealed record FeeHistory(ulong OldestBlock, IReadOnlyList<BigInteger> BaseFeePerGas, IReadOnlyList<IReadOnlyList<BigInteger>> Reward)
{
    internal static FeeHistory FromJson(JsonElement json) => new(
        json.GetProperty("oldestBlock").GetQuantity(),
        json.GetProperty("baseFeePerGas").EnumerateArray().Select(e => e.GetBigQuantity()).ToArray(),
        json.TryGetProperty("reward", out var reward) && reward.ValueKind == JsonValueKind.Array
            ? reward.EnumerateArray().Select(r => (IReadOnlyList<BigInteger>)r.EnumerateArray().Select(e => e.GetBigQuantity()).ToArray()).ToArray()
            : []);
}
