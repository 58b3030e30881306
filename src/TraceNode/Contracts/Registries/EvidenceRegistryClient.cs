using System.Numerics;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Node.Evm.Abi;
using Trace.Node.Evm.Accounts;
using Trace.Node.Evm.Rpc;
using Trace.Node.Evm.Transactions;

namespace Trace.Node.Contracts.Registries;

/// <summary>
/// Typed access to EvidenceRegistry (contracts/src/EvidenceRegistry.sol) over a <see cref="ContractClient"/>: anchoring,
/// actions on claims (direct here, relayed in the other part), and the views. Reverts throw <see cref="ContractCallException"/>.
/// </summary>
/// <remarks>A claim's <c>root</c> and <c>proof</c> are an anchored Merkle root containing it and its sibling hashes, leaf to root.</remarks>
public sealed partial class EvidenceRegistryClient
{
    private static readonly Lazy<ContractAbi> ArtifactAbi = new(() => ContractArtifact.Load("EvidenceRegistry").Abi);

    public EvidenceRegistryClient(ContractClient contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        Contract = contract;
    }

    /// <summary>The untyped client underneath.</summary>
    public ContractClient Contract { get; }

    public EthereumAddress Address => Contract.Address;

    /// <summary>A client for the registry at <paramref name="address"/>; read-only without <paramref name="sender"/>.</summary>
    public static EvidenceRegistryClient Connect(EthereumAddress address, EthRpc eth, TransactionSender? sender = null) =>
        new(new ContractClient("EvidenceRegistry", ArtifactAbi.Value, address, eth, sender));

    /// <summary>The same registry, sending transactions from <paramref name="sender"/>'s key.</summary>
    public EvidenceRegistryClient As(TransactionSender sender) =>
        new(new ContractClient(Contract.Name, Contract.Abi, Contract.Address, Contract.Eth, sender));

    // ------------------------------------------------------------------ anchoring

    /// <summary>anchorBatch (operator only): records the root; <paramref name="uri"/> only goes to the BatchAnchored event.</summary>
    public Task<ContractReceipt> AnchorBatchAsync(byte[] root, uint count, string uri = "", CancellationToken ct = default) =>
        Contract.SendAsync("anchorBatch", [root, count, uri], ct: ct);

    /// <summary>
    /// anchorBatch signed by this client's sender but not broadcast, for a caller that persists it first (see
    /// <see cref="TransactionSender.SignAsync"/> for <paramref name="nonce"/> and <paramref name="atLeast"/>).
    /// </summary>
    /// <returns>The signed transaction, or null when the registry already holds <paramref name="root"/> (RootAlreadyAnchored at estimation).</returns>
    /// <exception cref="ContractCallException">the call reverts for another reason.</exception>
    public async Task<SignedTransaction?> SignAnchorBatchAsync(byte[] root, uint count, string uri, ulong? nonce = null, FeeSuggestion? atLeast = null, CancellationToken ct = default)
    {
        var sender = Contract.Sender ?? throw new InvalidOperationException($"{Contract.Name} client is read-only: it has no transaction sender");
        var function = Contract.Abi.Function("anchorBatch");
        try
        {
            return await sender.SignAsync(new TransactionRequest(Address, function.EncodeCall([root, count, uri])), nonce, atLeast, ct).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ContractClient.RevertData(ex) is { } revert)
        {
            var decoded = Contract.Abi.DecodeRevert(revert);
            if (decoded.ErrorName == "RootAlreadyAnchored") return null;
            throw new ContractCallException(Contract.Name, function.Name, decoded);
        }
    }

    /// <summary>rootInfo: what was recorded for <paramref name="root"/> (IsAnchored false when never anchored).</summary>
    public async Task<AnchoredRoot> RootInfoAsync(byte[] root, CancellationToken ct = default)
    {
        var info = (object?[])(await Contract.CallAsync("rootInfo", [root], ct: ct).ConfigureAwait(false))[0]!;
        return new AnchoredRoot((EthereumAddress)info[0]!, (ulong)(BigInteger)info[1]!, (ulong)(BigInteger)info[2]!, (uint)(BigInteger)info[3]!);
    }

    // ------------------------------------------------------------------ actions on claims (sender = actor)

    /// <summary>revoke (the issuer side): verify() then reports REVOKED. Emits ClaimRevoked.</summary>
    public Task<ContractReceipt> RevokeAsync(EvidenceClaimData claim, byte[] root, IReadOnlyList<byte[]> proof, ushort reason, CancellationToken ct = default) =>
        Contract.SendAsync("revoke", [ToTuple(claim), root, Proof(proof), reason], ct: ct);

    /// <summary>supersede (the issuer side) by <paramref name="newClaimDigest"/>. Emits ClaimSuperseded.</summary>
    public Task<ContractReceipt> SupersedeAsync(EvidenceClaimData claim, byte[] root, IReadOnlyList<byte[]> proof, byte[] newClaimDigest, CancellationToken ct = default) =>
        Contract.SendAsync("supersede", [ToTuple(claim), root, Proof(proof), newClaimDigest], ct: ct);

    /// <summary>endorse (a verifier), once per verifier participant. Emits ClaimEndorsed.</summary>
    public Task<ContractReceipt> EndorseAsync(EvidenceClaimData claim, byte[] root, IReadOnlyList<byte[]> proof, ushort code, CancellationToken ct = default) =>
        Contract.SendAsync("endorse", [ToTuple(claim), root, Proof(proof), code], ct: ct);

    /// <summary>flag (a regulator): informational, verify() ignores it. Emits ClaimFlagged.</summary>
    public Task<ContractReceipt> FlagAsync(EvidenceClaimData claim, byte[] root, IReadOnlyList<byte[]> proof, ushort reason, CancellationToken ct = default) =>
        Contract.SendAsync("flag", [ToTuple(claim), root, Proof(proof), reason], ct: ct);

    /// <summary>unflag: closes the sender's regulator participant's open flag. Emits ClaimUnflagged.</summary>
    public Task<ContractReceipt> UnflagAsync(byte[] claimDigest, ushort reason, CancellationToken ct = default) =>
        Contract.SendAsync("unflag", [claimDigest, reason], ct: ct);

    // ------------------------------------------------------------------ views

    /// <summary>verify: VALID or the first failing check, in one eth_call.</summary>
    public async Task<VerificationCode> VerifyAsync(EvidenceClaimData claim, byte[] signature, byte[] root, IReadOnlyList<byte[]> proof, CancellationToken ct = default)
    {
        var output = await Contract.CallAsync("verify", [ToTuple(claim), signature, root, Proof(proof)], ct: ct).ConfigureAwait(false);
        return (VerificationCode)(byte)(BigInteger)output[0]!;
    }

    /// <summary>eth_estimateGas of a verify() call: what a contract calling verify() pays for it.</summary>
    public Task<ulong> EstimateVerifyGasAsync(EvidenceClaimData claim, byte[] signature, byte[] root, IReadOnlyList<byte[]> proof, CancellationToken ct = default) =>
        Contract.Eth.EstimateGasAsync(new CallRequest(Address, Contract.Abi.Function("verify").EncodeCall(ToTuple(claim), signature, root, Proof(proof))), ct);

    /// <summary>claimDigest: the claim's EIP-712 digest as the contract computes it.</summary>
    public async Task<byte[]> ClaimDigestAsync(EvidenceClaimData claim, CancellationToken ct = default) =>
        (byte[])(await Contract.CallAsync("claimDigest", [ToTuple(claim)], ct: ct).ConfigureAwait(false))[0]!;

    /// <summary>leafOf: the Merkle leaf of a claim digest.</summary>
    public async Task<byte[]> LeafOfAsync(byte[] claimDigest, CancellationToken ct = default) =>
        (byte[])(await Contract.CallAsync("leafOf", [claimDigest], ct: ct).ConfigureAwait(false))[0]!;

    /// <summary>claimState: revocation, supersession, endorsement count and open flags of a claim.</summary>
    public async Task<ClaimState> ClaimStateAsync(byte[] claimDigest, CancellationToken ct = default)
    {
        var s = (object?[])(await Contract.CallAsync("claimState", [claimDigest], ct: ct).ConfigureAwait(false))[0]!;
        return new ClaimState((ulong)(BigInteger)s[0]!, (ushort)(BigInteger)s[1]!, (EthereumAddress)s[2]!, (uint)(BigInteger)s[3]!,
            (byte[])s[4]!, (ulong)(BigInteger)s[5]!, (EthereumAddress)s[6]!, (uint)(BigInteger)s[7]!);
    }

    /// <summary>endorsementOf: a verifier participant's endorsement of a claim.</summary>
    public Task<ClaimMark> EndorsementOfAsync(byte[] claimDigest, byte[] verifierId, CancellationToken ct = default) =>
        MarkAsync("endorsementOf", claimDigest, verifierId, ct);

    /// <summary>flagOf: a regulator participant's open flag on a claim.</summary>
    public Task<ClaimMark> FlagOfAsync(byte[] claimDigest, byte[] regulatorId, CancellationToken ct = default) =>
        MarkAsync("flagOf", claimDigest, regulatorId, ct);

    /// <summary>nonces: the next relayed-message nonce of <paramref name="signer"/> (one counter for all message types).</summary>
    public async Task<BigInteger> NonceOfAsync(EthereumAddress signer, CancellationToken ct = default) =>
        (BigInteger)(await Contract.CallAsync("nonces", [signer], ct: ct).ConfigureAwait(false))[0]!;

    /// <summary>domainSeparator: the EIP-712 separator of claims and relayed messages.</summary>
    public async Task<byte[]> DomainSeparatorAsync(CancellationToken ct = default) =>
        (byte[])(await Contract.CallAsync("domainSeparator", [], ct: ct).ConfigureAwait(false))[0]!;

    /// <summary>allowedIssuerRoles: the roles that may issue a claim of <paramref name="kind"/> (None for undefined kinds).</summary>
    public async Task<ParticipantRoles> AllowedIssuerRolesAsync(byte kind, CancellationToken ct = default) =>
        (ParticipantRoles)(ushort)(BigInteger)(await Contract.CallAsync("allowedIssuerRoles", [kind], ct: ct).ConfigureAwait(false))[0]!;

    private async Task<ClaimMark> MarkAsync(string function, byte[] claimDigest, byte[] participantId, CancellationToken ct)
    {
        var output = await Contract.CallAsync(function, [claimDigest, participantId], ct: ct).ConfigureAwait(false);
        return new ClaimMark((ulong)(BigInteger)output[0]!, (ushort)(BigInteger)output[1]!, (EthereumAddress)output[2]!);
    }

    /// <summary>The claim as the ABI tuple (contentHash, kind, subject, issuer, issuedAt, nonce).</summary>
    private static object?[] ToTuple(EvidenceClaimData claim) =>
        [claim.ContentHash, claim.Kind, claim.Subject, claim.Issuer, claim.IssuedAt, claim.Nonce];

    private static object?[] Proof(IReadOnlyList<byte[]> proof) => [.. proof];
}
