using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Trace.Api.Tests.Evidence;
using Trace.Api.Tests.Support;
using Trace.Chain.Accounts;
using Trace.Chain.Contracts.Registries;
using Trace.Client.Assurance;
using Trace.Client.Claims;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Assurance;

/// <summary>
/// The people of the assurance tests on one node: registered participants with their own keys, each calling through its
/// own signed-in channel (a regulator flags as itself), and the same key sending registry calls on its own gas.
/// </summary>
internal sealed class AssuranceActors(TraceApiProcess api, GetNodeInfoResponse node, EthereumAddress registry)
{
    public EvidenceRegistryClient Registry => EvidenceRegistryClient.Connect(registry, Eth);

    public Trace.Chain.Rpc.EthRpc Eth { get; } = new(new Trace.Chain.Rpc.JsonRpcClient(new Uri(node.RpcUrl)));

    /// <summary>An AssuranceService client signed in as <paramref name="key"/>.</summary>
    public AssuranceService.AssuranceServiceClient AssuranceAs(EthereumKey key) =>
        new(SignedInChannel.As(api.RawChannel, key));

    /// <summary>The client library's signer of flags and endorsements for <paramref name="key"/>.</summary>
    public AssuranceSigner SignerFor(EthereumKey key) => new(key, node.ChainId, registry);

    /// <summary>The registry as <paramref name="key"/> sends it transactions itself (its own gas).</summary>
    public EvidenceRegistryClient RegistryAs(EthereumKey key) => EvidenceRegistryClient.Connect(registry, Eth, new TransactionSender(Eth, key, node.ChainId));

    /// <summary>The claim of a record as the registry takes it, with the root and proof of its anchor.</summary>
    public static (EvidenceClaimData Claim, byte[] Root, IReadOnlyList<byte[]> Proof) OnChain(EvidenceRecord record) =>
        (new EvidenceClaimData(record.SignedClaim.Claim.ContentHash.ToByteArray(), (byte)record.SignedClaim.Claim.Kind, record.SignedClaim.Claim.Subject.ToByteArray(),
            EthereumAddress.Parse(record.SignedClaim.Claim.Issuer), record.SignedClaim.Claim.IssuedAt, record.SignedClaim.Claim.Nonce.ToByteArray()),
         record.Anchor.MerkleRoot.ToByteArray(), record.Anchor.MerkleProof.Select(p => p.ToByteArray()).ToList());

    /// <summary>Uploads a small document signed by <paramref name="signer"/> and waits until it is CONFIRMED.</summary>
    public static async Task<string> UploadConfirmedAsync(EvidenceService.EvidenceServiceClient evidence, ClaimSigner signer, string subject, RecordKind kind = RecordKind.EnergyReading) =>
        (await UploadConfirmedWithContentAsync(evidence, signer, subject, kind)).Id;

    /// <summary>As <see cref="UploadConfirmedAsync"/>, also returning the bytes uploaded.</summary>
    public static async Task<(string Id, byte[] Content)> UploadConfirmedWithContentAsync(EvidenceService.EvidenceServiceClient evidence, ClaimSigner signer, string subject,
        RecordKind kind = RecordKind.EnergyReading)
    {
        var content = Encoding.UTF8.GetBytes("assurance test document " + subject + " " + Guid.NewGuid());
        var signed = signer.Sign(SHA256.HashData(content), kind, subject);
        var id = (await evidence.UploadAsync(new SubmitDocumentHeader { SignedClaim = signed, SubjectId = subject, MediaType = "application/pdf" }, content)).Record.Id;
        await evidence.WaitForStatusAsync(id, RecordStatus.Confirmed);
        return (id, content);
    }

    /// <summary>Polls <paramref name="read"/> until <paramref name="done"/> holds or 60 s pass; returns the last value.</summary>
    public static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(250);
        }
    }

    /// <summary>Raw EIP-712 signature of a Flag message, for tests that tamper with one.</summary>
    public byte[] SignFlag(EthereumKey key, string recordId, ushort reason, BigInteger nonce, ulong deadline) =>
        new RelayedMessageSigner(EvidenceClaimHasher.Domain(new BigInteger(node.ChainId), registry)).SignFlag(key, Hex.Decode(recordId), reason, nonce, deadline).Signature;
}
