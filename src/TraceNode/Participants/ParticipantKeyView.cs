using Trace.Chain.Contracts.Registries;
using Trace.Crypto;

namespace Trace.Node.Participants;

/// <summary>A participant's signing key with its history (ParticipantRegistry.keyInfo).</summary>
/// <param name="RetiredAt">Null while the key is active.</param>
public sealed record ParticipantKeyView(EthereumAddress Address, DateTimeOffset AddedAt, DateTimeOffset? RetiredAt, KeyRetirementReason RetirementReason)
{
    public bool IsActive => RetiredAt is null;
}
