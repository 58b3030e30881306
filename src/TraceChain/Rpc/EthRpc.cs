using System.Numerics;
using System.Text.Json;
using Trace.Crypto;

namespace Trace.Chain.Rpc;

/// <summary>Typed wrappers, one per eth_* method Trace uses, over a <see cref="JsonRpcClient"/>.</summary>
public sealed class EthRpc(JsonRpcClient client)
{
    /// <summary>The underlying JSON-RPC client.</summary>
    public JsonRpcClient Client => client;

    public async Task<ulong> ChainIdAsync(CancellationToken ct = default) =>
        (await client.CallAsync("eth_chainId", [], ct).ConfigureAwait(false)).GetQuantity();

    public async Task<ulong> BlockNumberAsync(CancellationToken ct = default) =>
        (await client.CallAsync("eth_blockNumber", [], ct).ConfigureAwait(false)).GetQuantity();

    public async Task<BigInteger> GetBalanceAsync(EthereumAddress address, BlockTag? block = null, CancellationToken ct = default) =>
        (await client.CallAsync("eth_getBalance", [address.ToLowerHex(), (block ?? BlockTag.Latest).Value], ct).ConfigureAwait(false)).GetBigQuantity();

    public async Task<ulong> GetTransactionCountAsync(EthereumAddress address, BlockTag? block = null, CancellationToken ct = default) =>
        (await client.CallAsync("eth_getTransactionCount", [address.ToLowerHex(), (block ?? BlockTag.Pending).Value], ct).ConfigureAwait(false)).GetQuantity();

    public async Task<byte[]> GetCodeAsync(EthereumAddress address, BlockTag? block = null, CancellationToken ct = default) =>
        Hex.Decode((await client.CallAsync("eth_getCode", [address.ToLowerHex(), (block ?? BlockTag.Latest).Value], ct).ConfigureAwait(false)).GetString()!);

    public async Task<BigInteger> GasPriceAsync(CancellationToken ct = default) =>
        (await client.CallAsync("eth_gasPrice", [], ct).ConfigureAwait(false)).GetBigQuantity();

    public async Task<BigInteger> MaxPriorityFeePerGasAsync(CancellationToken ct = default) =>
        (await client.CallAsync("eth_maxPriorityFeePerGas", [], ct).ConfigureAwait(false)).GetBigQuantity();

    public async Task<FeeHistory> FeeHistoryAsync(int blockCount, BlockTag newest, double[] rewardPercentiles, CancellationToken ct = default) =>
        FeeHistory.FromJson(await client.CallAsync("eth_feeHistory", [HexQuantity.Format((ulong)blockCount), newest.Value, rewardPercentiles], ct).ConfigureAwait(false));

    /// <summary>eth_call; a revert surfaces as <see cref="RpcException"/> whose <c>Data</c> holds the revert bytes.</summary>
    public async Task<byte[]> CallAsync(CallRequest call, BlockTag? block = null, CancellationToken ct = default) =>
        Hex.Decode((await client.CallAsync("eth_call", [call.ToJson(), (block ?? BlockTag.Latest).Value], ct).ConfigureAwait(false)).GetString()!);

    public async Task<ulong> EstimateGasAsync(CallRequest call, CancellationToken ct = default) =>
        (await client.CallAsync("eth_estimateGas", [call.ToJson()], ct).ConfigureAwait(false)).GetQuantity();

    /// <summary>Broadcasts signed transaction bytes; returns the transaction hash the node reports.</summary>
    public async Task<byte[]> SendRawTransactionAsync(ReadOnlyMemory<byte> raw, CancellationToken ct = default) =>
        Hex.Decode((await client.CallAsync("eth_sendRawTransaction", [Hex.Encode(raw.Span)], ct).ConfigureAwait(false)).GetString()!);

    /// <summary>The receipt, or null while the transaction is not mined (or unknown).</summary>
    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(ReadOnlyMemory<byte> txHash, CancellationToken ct = default)
    {
        var json = await client.CallAsync("eth_getTransactionReceipt", [Hex.Encode(txHash.Span)], ct).ConfigureAwait(false);
        return json.ValueKind == JsonValueKind.Null ? null : TransactionReceipt.FromJson(json);
    }

    /// <summary>eth_getTransactionByHash: the transaction as the node holds it (pending or mined), or null when unknown.</summary>
    public async Task<RpcTransaction?> GetTransactionAsync(ReadOnlyMemory<byte> txHash, CancellationToken ct = default)
    {
        var json = await client.CallAsync("eth_getTransactionByHash", [Hex.Encode(txHash.Span)], ct).ConfigureAwait(false);
        return json.ValueKind == JsonValueKind.Null ? null : RpcTransaction.FromJson(json);
    }

    /// <summary>True when the node knows the transaction (pending or mined).</summary>
    public async Task<bool> IsTransactionKnownAsync(ReadOnlyMemory<byte> txHash, CancellationToken ct = default) =>
        await GetTransactionAsync(txHash, ct).ConfigureAwait(false) is not null;

    public async Task<BlockHeader?> GetBlockAsync(BlockTag block, CancellationToken ct = default)
    {
        var json = await client.CallAsync("eth_getBlockByNumber", [block.Value, false], ct).ConfigureAwait(false);
        return json.ValueKind == JsonValueKind.Null ? null : BlockHeader.FromJson(json);
    }

    /// <summary>One eth_getLogs call; see <see cref="LogPager"/> for large ranges.</summary>
    public async Task<IReadOnlyList<LogEntry>> GetLogsAsync(LogFilter filter, CancellationToken ct = default) =>
        (await client.CallAsync("eth_getLogs", [filter.ToJson()], ct).ConfigureAwait(false)).EnumerateArray().Select(LogEntry.FromJson).ToArray();
}
