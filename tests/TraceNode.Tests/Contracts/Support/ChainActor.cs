using Trace.Chain.Accounts;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;

namespace Trace.Node.Tests.Contracts.Support;

/// <summary>A funded key on the test chain with registry clients that send from it.</summary>
internal sealed class ChainActor(EthereumKey key, TransactionSender sender, ParticipantRegistryClient participants, EvidenceRegistryClient evidence)
{
    public EthereumKey Key { get; } = key;
    public TransactionSender Sender { get; } = sender;
    public EthereumAddress Address => Key.Address;

    /// <summary>ParticipantRegistry, transactions sent by this key.</summary>
    public ParticipantRegistryClient Participants { get; } = participants;

    /// <summary>EvidenceRegistry, transactions sent by this key.</summary>
    public EvidenceRegistryClient Evidence { get; } = evidence;

    public override string ToString() => Address.ToString();
}
