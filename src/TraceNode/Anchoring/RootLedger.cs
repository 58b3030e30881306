using System.Numerics;
using Trace.Node.Chain;
using Trace.Node.Contracts;
using Trace.Node.Evm.Rpc;

namespace Trace.Node.Anchoring;

/// <summary>
/// Asks the EvidenceRegistry whether a root is anchored and, if so, finds its BatchAnchored event:
/// the chain, not the index, is the source of truth when reconciling after a crash.
/// </summary>
public sealed class RootLedger(TraceContracts contracts)
{
    /// <summary>The root's anchoring, or null when the registry has never recorded it.</summary>
    public async Task<AnchoredRoot?> FindAsync(byte[] root, CancellationToken ct)
    {
        var registry = contracts.EvidenceRegistry;
        var info = (object?[])(await registry.CallAsync("rootInfo", [root], ct: ct).ConfigureAwait(false))[0]!;
        var anchoredAt = (BigInteger)info[1]!;
        if (anchoredAt.IsZero) return null;
        var blockNumber = (ulong)(BigInteger)info[2]!;
        var count = (uint)(BigInteger)info[3]!;

        var topic = registry.Abi.Event("BatchAnchored").Topic0.ToArray();
        var logs = await registry.Eth.GetLogsAsync(new LogFilter(blockNumber, blockNumber, [registry.Address], [topic, root]), ct).ConfigureAwait(false);
        var log = logs.FirstOrDefault(l => !l.Removed)
            ?? throw new InvalidOperationException($"the registry records root {Evm.Encoding.Hex.Encode(root)} in block {blockNumber} but that block has no BatchAnchored event for it");
        return new AnchoredRoot(root, log.TransactionHash, blockNumber, log.BlockHash, DateTimeOffset.FromUnixTimeSeconds((long)anchoredAt), count);
    }
}
