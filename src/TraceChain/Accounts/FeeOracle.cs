using System.Numerics;
using Trace.Chain.Rpc;

namespace Trace.Chain.Accounts;

/// <summary>
/// Suggests EIP-1559 fees from eth_feeHistory: the tip is the median of recent blocks' 50th-percentile
/// tips (at least <see cref="MinPriorityFeePerGas"/>), and the cap allows the base fee to double
/// before the transaction lands, as wallets commonly do.
/// </summary>
public sealed class FeeOracle(EthRpc eth)
{
    private const int BlocksSampled = 10;

    /// <summary>Lowest tip offered, in wei. Default 1 gwei (what ethers offers when history is empty).</summary>
    public BigInteger MinPriorityFeePerGas { get; init; } = 1_000_000_000;

    public async Task<FeeSuggestion> SuggestAsync(CancellationToken ct = default)
    {
        var history = await eth.FeeHistoryAsync(BlocksSampled, BlockTag.Latest, [50], ct).ConfigureAwait(false);
        // The last base fee in the history is the next block's.
        var baseFee = history.BaseFeePerGas.Count > 0 ? history.BaseFeePerGas[^1] : BigInteger.Zero;
        var tips = history.Reward.Where(r => r.Count > 0).Select(r => r[0]).Order().ToArray();
        var tip = tips.Length == 0 ? BigInteger.Zero : tips[tips.Length / 2];
        if (tip < MinPriorityFeePerGas) tip = MinPriorityFeePerGas;
        return new FeeSuggestion(baseFee * 2 + tip, tip, baseFee);
    }
}
