using Trace.Chain.Contracts;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Rpc;
using Trace.Crypto;
using Trace.Domain.Assurance;
using Dto = Trace.Chain.Contracts.Dtos.Evidence;

namespace Trace.Client.Verification;

/// <summary>
/// Reads a claim's open regulator flags and verifier endorsements from the chain alone: the registry's ClaimFlagged and
/// ClaimEndorsed events for the digest name who acted, and <c>flagOf</c> / <c>endorsementOf</c> say whether each mark
/// still stands (an unflag deletes the mark, so a flag is open only while flagOf returns it).
/// </summary>
/// <remarks>
/// Events are read from <c>fromBlock</c> (the bundle's anchoring block: a claim can only be flagged or endorsed once a
/// root containing it is anchored) to the head, with the digest as a topic filter, so the cost is one eth_getLogs per
/// page plus one view call per regulator or verifier. Callers skip it when claimState counts no flag and no endorsement.
/// </remarks>
public sealed class ClaimMarksReader(EthRpc eth, EvidenceRegistryClient registry)
{
    private static readonly byte[] FlaggedTopic = ContractDefinition.Topic0<Dto.ClaimFlaggedEvent>();
    private static readonly byte[] EndorsedTopic = ContractDefinition.Topic0<Dto.ClaimEndorsedEvent>();

    /// <summary>The open flags and the endorsements of <paramref name="digest"/>, oldest first.</summary>
    public async Task<(IReadOnlyList<RecordFlag> Flags, IReadOnlyList<RecordEndorsement> Endorsements)> ReadAsync(
        byte[] digest, ulong fromBlock, ulong toBlock, bool flags, bool endorsements, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var recordId = Hex.Encode(digest);
        var openFlags = new List<RecordFlag>();
        var endorsed = new List<RecordEndorsement>();
        var latestFlag = new Dictionary<string, LogEntry>(StringComparer.Ordinal);
        var latestEndorsement = new Dictionary<string, LogEntry>(StringComparer.Ordinal);
        var topics = new List<byte[]>();
        if (flags) topics.Add(FlaggedTopic);
        if (endorsements) topics.Add(EndorsedTopic);
        if (topics.Count == 0 || fromBlock > toBlock) return (openFlags, endorsed);
        foreach (var topic in topics)
        {
            var filter = new LogFilter(fromBlock, toBlock, [registry.Address], [topic, digest]);
            await foreach (var (logs, _) in new LogPager(eth).ReadAsync(filter, ct).ConfigureAwait(false))
            {
                foreach (var log in logs)
                {
                    if (log.Removed || log.Topics.Count < 3) continue;
                    var participant = Hex.Encode(log.Topics[2]);
                    (ReferenceEquals(topic, FlaggedTopic) ? latestFlag : latestEndorsement)[participant] = log; // the newest event per participant
                }
            }
        }
        foreach (var (participant, log) in latestFlag)
        {
            var mark = await registry.FlagOfAsync(digest, Hex.Decode(participant), ct).ConfigureAwait(false);
            if (!mark.Exists) continue; // closed by an unflag since
            openFlags.Add(new RecordFlag(recordId, ParticipantIdFormat.Format(Hex.Decode(participant)), mark.By.ToString(), mark.Code,
                DateTimeOffset.FromUnixTimeSeconds((long)mark.MarkedAt), (long)log.BlockNumber, log.TransactionHash));
        }
        foreach (var (participant, log) in latestEndorsement)
        {
            var mark = await registry.EndorsementOfAsync(digest, Hex.Decode(participant), ct).ConfigureAwait(false);
            if (!mark.Exists) continue;
            endorsed.Add(new RecordEndorsement(recordId, ParticipantIdFormat.Format(Hex.Decode(participant)), mark.By.ToString(), mark.Code,
                DateTimeOffset.FromUnixTimeSeconds((long)mark.MarkedAt), (long)log.BlockNumber, log.TransactionHash));
        }
        openFlags.Sort((a, b) => a.BlockNumber.CompareTo(b.BlockNumber));
        endorsed.Sort((a, b) => a.BlockNumber.CompareTo(b.BlockNumber));
        return (openFlags, endorsed);
    }
}
