using Trace.Chain.Contracts.Dtos.Evidence;
using Trace.Chain.Rpc;
using Trace.Crypto;
using Trace.Node.Chain;

namespace Trace.Node.Rebuild;

/// <summary>
/// The EvidenceRegistry's history read in one pass over its logs (adaptive <c>eth_getLogs</c> pages from the deployment
/// block to the head): every anchored root with its transaction and block, and every revocation and supersession. What
/// the rebuild and the index audit compare batches and records with, a handful of RPC calls for the whole chain
/// instead of several per record.
/// </summary>
public sealed class RegistryHistory
{
    private RegistryHistory(ulong head, Dictionary<string, AnchoredRoot> roots, Dictionary<string, ChainWithdrawal> withdrawals, int rpcCalls)
    {
        Head = head;
        Roots = roots;
        Withdrawals = withdrawals;
        RpcCalls = rpcCalls;
    }

    /// <summary>The head block when the history was read.</summary>
    public ulong Head { get; }

    /// <summary>Anchored roots by their 0x-hex.</summary>
    public IReadOnlyDictionary<string, AnchoredRoot> Roots { get; }

    /// <summary>Withdrawals by record id (lower-case 0x-hex claim digest); the first event per claim.</summary>
    public IReadOnlyDictionary<string, ChainWithdrawal> Withdrawals { get; }

    /// <summary>JSON-RPC calls the read took.</summary>
    public int RpcCalls { get; }

    /// <summary>Reads the registry's history up to the current head.</summary>
    public static async Task<RegistryHistory> ReadAsync(TraceContracts contracts, ChainConnection chain, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(chain);
        var calls = 1;
        var head = await chain.Eth.BlockNumberAsync(ct).ConfigureAwait(false);
        var registry = contracts.Evidence.Contract.Definition;
        var roots = new Dictionary<string, AnchoredRoot>(StringComparer.Ordinal);
        var withdrawals = new Dictionary<string, ChainWithdrawal>(StringComparer.Ordinal);
        var pending = new List<(string Id, ulong Block, byte[] Tx, string? Successor)>();
        var from = contracts.Deployment.DeployedAtBlock;
        if (from <= head)
        {
            var filter = new LogFilter(from, head, [contracts.Deployment.EvidenceRegistry]);
            await foreach (var (logs, _) in new LogPager(chain.Eth).ReadAsync(filter, ct).ConfigureAwait(false))
            {
                calls++;
                foreach (var log in logs)
                {
                    if (log.Removed) continue;
                    switch (registry.DecodeEvent(log)?.Dto)
                    {
                        case BatchAnchoredEvent anchored:
                            roots.TryAdd(Hex.Encode(anchored.Root), new AnchoredRoot(anchored.Root, log.TransactionHash, log.BlockNumber, log.BlockHash,
                                DateTimeOffset.FromUnixTimeSeconds((long)anchored.AnchoredAt), anchored.Count));
                            break;
                        case ClaimRevokedEvent revoked:
                            pending.Add((Hex.Encode(revoked.ClaimDigest), log.BlockNumber, log.TransactionHash, null));
                            break;
                        case ClaimSupersededEvent superseded:
                            pending.Add((Hex.Encode(superseded.ClaimDigest), log.BlockNumber, log.TransactionHash, Hex.Encode(superseded.NewClaimDigest)));
                            break;
                    }
                }
            }
        }
        // A withdrawal's time is its block's: one block read per block holding withdrawals.
        var blockTimes = new Dictionary<ulong, DateTimeOffset>();
        foreach (var (id, block, tx, successor) in pending)
        {
            if (withdrawals.ContainsKey(id)) continue;
            if (!blockTimes.TryGetValue(block, out var at))
            {
                calls++;
                var header = await chain.Eth.GetBlockAsync(BlockTag.Number(block), ct).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"block {block} is missing");
                blockTimes[block] = at = DateTimeOffset.FromUnixTimeSeconds((long)header.Timestamp);
            }
            withdrawals[id] = new ChainWithdrawal(at, block, tx, successor);
        }
        return new RegistryHistory(head, roots, withdrawals, calls);
    }

    /// <summary>True when <paramref name="block"/> is at least <paramref name="confirmations"/> deep (the block itself counts).</summary>
    public bool IsDeep(ulong block, int confirmations) => Head + 1 >= block + (ulong)Math.Max(1, confirmations);
}

/// <summary>A root the registry recorded: its transaction, block, the event's anchoring time and leaf count.</summary>
public sealed record AnchoredRoot(byte[] Root, byte[] TxHash, ulong BlockNumber, byte[] BlockHash, DateTimeOffset AnchoredAt, uint Count);

/// <summary>A revocation or supersession on chain: its block's time, block, transaction, and the successor for a supersession.</summary>
public sealed record ChainWithdrawal(DateTimeOffset At, ulong BlockNumber, byte[] TxHash, string? SupersededBy);
