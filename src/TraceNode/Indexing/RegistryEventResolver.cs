using Trace.Chain.Rpc;
using Trace.Crypto;
using Trace.Domain.Assurance;
using Trace.Node.Chain;

namespace Trace.Node.Indexing;

/// <summary>
/// Completes decoded registry logs with what only the chain knows: the block time, the participant owning the acting
/// key (keys never move between participants, so the current <c>keyInfo</c> answers for any past event), and the
/// sender of events that name no actor. Look-ups are cached for one resolver, i.e. one follower step or one relay.
/// </summary>
public sealed class RegistryEventResolver(TraceContracts contracts, ChainConnection chain, RegistryLogDecoder decoder)
{
    private readonly Dictionary<ulong, BlockHeader?> _blocks = [];
    private readonly Dictionary<EthereumAddress, string?> _participants = [];

    /// <summary>The audit-trail events among <paramref name="logs"/>, in log order; removed logs and foreign events are skipped.</summary>
    public async Task<IReadOnlyList<RegistryEvent>> ResolveAsync(IEnumerable<LogEntry> logs, CancellationToken ct)
    {
        var events = new List<RegistryEvent>();
        foreach (var log in logs.OrderBy(l => l.BlockNumber).ThenBy(l => l.LogIndex))
        {
            if (log.Removed || decoder.Decode(log) is not { } decoded) continue;
            var block = await BlockAsync(log.BlockNumber, ct).ConfigureAwait(false);
            var at = block is null ? DateTimeOffset.UnixEpoch : DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp);
            var actor = decoded.Actor is { } named
                ? EthereumAddress.Parse(named)
                : (await chain.Eth.GetTransactionAsync(log.TransactionHash, ct).ConfigureAwait(false))?.From ?? EthereumAddress.Zero;
            var participant = decoded.ParticipantId is { } id ? ParticipantIdFormat.Format(id)
                : decoded.ParticipantKey is { } key ? await ParticipantOfAsync(EthereumAddress.Parse(key), ct).ConfigureAwait(false)
                : null;
            events.Add(new RegistryEvent(decoded.Kind, at, (long)log.BlockNumber, log.BlockHash, log.TransactionHash, (int)log.LogIndex,
                log.Address.ToString(), actor.ToString(), await ParticipantOfAsync(actor, ct).ConfigureAwait(false), participant,
                decoded.RecordId, null, decoded.MerkleRoot, decoded.Code, decoded.Related, decoded.DetailJson));
        }
        return events;
    }

    /// <summary>The header of block <paramref name="number"/> (cached); null when the node does not have it.</summary>
    public async Task<BlockHeader?> BlockAsync(ulong number, CancellationToken ct)
    {
        if (!_blocks.TryGetValue(number, out var block))
            _blocks[number] = block = await chain.Eth.GetBlockAsync(BlockTag.Number(number), ct).ConfigureAwait(false);
        return block;
    }

    private async Task<string?> ParticipantOfAsync(EthereumAddress key, CancellationToken ct)
    {
        if (key == EthereumAddress.Zero) return null;
        if (!_participants.TryGetValue(key, out var participant))
        {
            var info = await contracts.Participants.KeyInfoAsync(key, ct).ConfigureAwait(false);
            participant = info.ParticipantId.AsSpan().ContainsAnyExcept((byte)0) ? ParticipantIdFormat.Format(info.ParticipantId) : null;
            _participants[key] = participant;
        }
        return participant;
    }
}
