using Trace.Chain.Rpc;
using Trace.Domain.Assurance;

namespace Trace.Node.Indexing;

/// <summary>
/// A registry log read as an audit-trail event, before the follower resolves what needs the chain (block time, the
/// actor's participant, the sender of events that name no actor).
/// </summary>
/// <param name="Actor">The acting key the event names; null when it names none (the transaction's sender acted).</param>
/// <param name="ParticipantId">32-byte participant id the event is about, when the event carries it.</param>
/// <param name="ParticipantKey">A key whose participant the event is about (a revocation's issuer), resolved later.</param>
public sealed record DecodedRegistryLog(
    LogEntry Log,
    RegistryEventKind Kind,
    string? Actor,
    byte[]? ParticipantId,
    string? ParticipantKey,
    string? RecordId,
    byte[]? MerkleRoot,
    int Code,
    string? Related,
    string DetailJson);
