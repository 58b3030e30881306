using System.Security.Cryptography;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts;
using Trace.Chain.Contracts.Deployment;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Rpc;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Crypto.Merkle;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Contracts.Support;

/// <summary>
/// Fresh registries on the shared Anvil, deployed through <see cref="TraceDeployer.DeployAsync"/> by a new operator key,
/// plus helpers to fund keys, register participants, issue and anchor claims, and move the chain's clock.
/// </summary>
internal sealed class RegistryWorld
{
    private const string Funding = "0x3635c9adc5dea00000"; // 1,000 ETH
    private readonly AnvilFixture _anvil;

    private RegistryWorld(AnvilFixture anvil, TraceDeploymentRecord deployment, ChainActor @operator, ulong chainId)
    {
        _anvil = anvil;
        Deployment = deployment;
        Operator = @operator;
        Domain = EvidenceClaimHasher.Domain(chainId, deployment.EvidenceRegistry);
        Relay = new RelayedMessageSigner(Domain, @operator.Evidence);
    }

    public TraceDeploymentRecord Deployment { get; }

    /// <summary>The deployer: registry admin and the Operator participant (keccak256("trace-operator")).</summary>
    public ChainActor Operator { get; }

    /// <summary>ParticipantRegistry as the admin.</summary>
    public ParticipantRegistryClient Participants => Operator.Participants;

    /// <summary>EvidenceRegistry as the operator.</summary>
    public EvidenceRegistryClient Evidence => Operator.Evidence;

    /// <summary>Trace's EIP-712 domain for this EvidenceRegistry.</summary>
    public Eip712Domain Domain { get; }

    /// <summary>Signs relayed messages under <see cref="Domain"/>, nonces read from the registry.</summary>
    public RelayedMessageSigner Relay { get; }

    public EthRpc Eth => _anvil.Eth;

    public static async Task<RegistryWorld> DeployAsync(AnvilFixture anvil)
    {
        var chainId = await anvil.Eth.ChainIdAsync();
        var key = EthereumKey.Generate();
        await FundAsync(anvil, key.Address);
        var sender = new TransactionSender(anvil.Eth, key, chainId);
        var deployment = await TraceDeployer.DeployAsync(anvil.Eth, sender);
        var @operator = new ChainActor(key, sender,
            ParticipantRegistryClient.Connect(deployment.ParticipantRegistry, anvil.Eth, sender),
            EvidenceRegistryClient.Connect(deployment.EvidenceRegistry, anvil.Eth, sender));
        return new RegistryWorld(anvil, deployment, @operator, chainId);
    }

    /// <summary>A new funded key, not registered anywhere.</summary>
    public async Task<ChainActor> NewActorAsync()
    {
        var key = EthereumKey.Generate();
        await FundAsync(_anvil, key.Address);
        var sender = new TransactionSender(Eth, key, Deployment.ChainId);
        return new ChainActor(key, sender, Participants.As(sender), Evidence.As(sender));
    }

    /// <summary>Registers a participant with id keccak256(<paramref name="name"/>) and one new key.</summary>
    public async Task<RegisteredParticipant> RegisterAsync(string name, ParticipantRoles roles)
    {
        var key = await NewActorAsync();
        var id = ParticipantId(name);
        await Participants.RegisterParticipantAsync(id, $"https://example.org/{name}.json", Sha256Hash.Hash(System.Text.Encoding.UTF8.GetBytes(name)), roles, [key.Address]);
        return new RegisteredParticipant(id, key);
    }

    /// <summary>Adds a second funded key to a participant (by the admin).</summary>
    public async Task<ChainActor> AddKeyAsync(RegisteredParticipant participant)
    {
        var key = await NewActorAsync();
        await Participants.AddKeyAsync(participant.Id, key.Address);
        return key;
    }

    public static byte[] ParticipantId(string name) => Keccak256.HashUtf8(name);

    /// <summary>A new claim by <paramref name="issuer"/>'s key (random content, subject and nonce), signed.</summary>
    public SignedClaim Issue(EthereumKey issuer, byte kind = 1)
    {
        var claim = new EvidenceClaimData(RandomBytes32(), kind, RandomBytes32(), issuer.Address,
            (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds(), RandomBytes32());
        var digest = EvidenceClaimHasher.Digest(Domain, claim);
        return new SignedClaim(claim, digest, issuer.Sign(digest).ToBytes65());
    }

    /// <summary>Builds the tree over the claims' digests plus one unrelated digest (so every proof is non-empty) and anchors its root.</summary>
    public async Task<AnchoredBatch> AnchorAsync(params SignedClaim[] claims)
    {
        List<byte[]> digests = [.. claims.Select(c => c.Digest), RandomBytes32()];
        var tree = MerkleTree.FromClaimDigests(digests);
        var receipt = await Evidence.AnchorBatchAsync(tree.Root.ToArray(), (uint)digests.Count, "ipfs://batch");
        return new AnchoredBatch(tree, digests, receipt);
    }

    /// <summary>Moves the chain's clock forward and mines a block, so the next transaction has a later timestamp.</summary>
    public async Task AdvanceTimeAsync(int seconds = 60)
    {
        await _anvil.Rpc.CallAsync("evm_increaseTime", [seconds]);
        await _anvil.Rpc.CallAsync("evm_mine", []);
    }

    /// <summary>The timestamp of the block a transaction was mined in.</summary>
    public async Task<ulong> TimestampOfAsync(ContractReceipt receipt) =>
        (await Eth.GetBlockAsync(BlockTag.Number(receipt.Receipt.BlockNumber)))!.Timestamp;

    /// <summary>The latest block's timestamp.</summary>
    public async Task<ulong> NowAsync() => (await Eth.GetBlockAsync(BlockTag.Latest))!.Timestamp;

    /// <summary>A relayed-message deadline an hour after the chain's current time.</summary>
    public async Task<ulong> DeadlineAsync() => await NowAsync() + 3600;

    public static byte[] RandomBytes32() => RandomNumberGenerator.GetBytes(32);

    private static Task FundAsync(AnvilFixture anvil, EthereumAddress address) =>
        anvil.Rpc.CallAsync("anvil_setBalance", [address.ToString(), Funding]);
}
