using Trace.Chain.Contracts.Registries;

namespace Trace.Node.Participants;

/// <summary>A participant as the chain shows it, with its identity document when this node holds it.</summary>
/// <param name="Identity">Set only when <paramref name="IdentityState"/> is <see cref="IdentityDocumentState.Verified"/>.</param>
public sealed record ParticipantView(
    ParticipantId Id,
    bool Active,
    ParticipantRoles Roles,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<ParticipantKeyView> Keys,
    IReadOnlyList<ParticipantStatusPeriod> History,
    string MetadataUri,
    byte[] MetadataHash,
    IdentityDocumentState IdentityState,
    IdentityDocument? Identity);
