using System.Runtime.CompilerServices;

namespace Trace.Chain.Rpc;

/// <summary>
/// Reads eth_getLogs over a large block range in pages, halving a page when the node refuses
/// it as too large and growing it again after successes (adaptive, like Nethereum's processors).
/// </summary>
public sealed class LogPager(EthRpc eth, ulong initialPageSize = 2_000, ulong maxPageSize = 50_000)
{
    /// <summary>Yields each page's logs in block order with the last block the page covered.</summary>
    public async IAsyncEnumerable<(IReadOnlyList<LogEntry> Logs, ulong ThroughBlock)> ReadAsync(
        LogFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var pageSize = Math.Max(1, initialPageSize);
        var from = filter.FromBlock;
        while (from <= filter.ToBlock)
        {
            ct.ThrowIfCancellationRequested();
            var to = from + Math.Min(pageSize - 1, filter.ToBlock - from); // no overflow near ulong.MaxValue
            IReadOnlyList<LogEntry> logs;
            try
            {
                logs = await eth.GetLogsAsync(filter with { FromBlock = from, ToBlock = to }, ct).ConfigureAwait(false);
            }
            catch (RpcException ex) when (IsRangeTooLarge(ex) && to > from)
            {
                pageSize = Math.Max(1, (to - from + 1) / 2);
                continue;
            }
            yield return (logs, to);
            if (to == ulong.MaxValue) yield break;
            from = to + 1;
            pageSize = Math.Min(maxPageSize, pageSize * 2);
        }
    }

    internal static bool IsRangeTooLarge(RpcException ex) => !ex.IsTransient && RpcErrorClassifier.IsRangeTooLarge(ex.Code, ex.RpcMessage);
}
