using Trace.Chain.Contracts;
using Trace.Chain.Contracts.Dtos.Evidence;
using Trace.Chain.Rpc;
using Trace.Node.Chain;

namespace Trace.Node.Anchoring;

/// <summary>
/// Asks the EvidenceRegistry whether a root is anchored and, if so, finds its BatchAnchored event:
/// the chain, not the index, is the source of truth when reconciling after a crash.
/// </summary>
public sealed class RootLedger(TraceContracts contracts)
{
    /// <summary>The root's anchoring, or null when the registry has never recorded it.</summary>
    public async Task<RootAnchoring?> FindAsync(byte[] root, CancellationToken ct)
    {
        var registry = contracts.Evidence.Contract;
        var info = await contracts.Evidence.RootInfoAsync(root, ct).ConfigureAwait(false);
        if (!info.IsAnchored) return null;
        var blockNumber = info.BlockNumber;

        var topic = ContractDefinition.Topic0<BatchAnchoredEvent>();
        var logs = await registry.Eth.GetLogsAsync(new LogFilter(blockNumber, blockNumber, [registry.Address], [topic, root]), ct).ConfigureAwait(false);
        var log = logs.FirstOrDefault(l => !l.Removed)
            ?? throw new InvalidOperationException($"the registry records root {Trace.Crypto.Hex.Encode(root)} in block {blockNumber} but that block has no BatchAnchored event for it");
        return new RootAnchoring(root, log.TransactionHash, blockNumber, log.BlockHash, DateTimeOffset.FromUnixTimeSeconds((long)info.AnchoredAt), info.Count);
    }
}
