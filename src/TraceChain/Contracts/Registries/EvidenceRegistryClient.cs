using System.Numerics;
using Trace.Chain.Accounts;
using Trace.Chain.Rpc;
using Trace.Chain.Transactions;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Dto = Trace.Chain.Contracts.Dtos.Evidence;

namespace Trace.Chain.Contracts.Registries;

/// <summary>
/// Typed access to EvidenceRegistry (contracts/src/EvidenceRegistry.sol) through its Nethereum DTOs: anchoring, actions on
/// claims (direct here, relayed in the other part), and the views. Reverts throw <see cref="ContractCallException"/> with the typed error.
/// </summary>
/// <remarks>A claim's <c>root</c> and <c>proof</c> are an anchored Merkle root containing it and its sibling hashes, leaf to root.</remarks>
public sealed partial class EvidenceRegistryClient
{
    public EvidenceRegistryClient(ContractClient contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        Contract = contract;
    }

    /// <summary>The typed contract client underneath.</summary>
    public ContractClient Contract { get; }

    public EthereumAddress Address => Contract.Address;

    /// <summary>A client for the registry at <paramref name="address"/>; read-only without <paramref name="sender"/>.</summary>
    public static EvidenceRegistryClient Connect(EthereumAddress address, EthRpc eth, TransactionSender? sender = null) =>
        new(new ContractClient(RegistryDefinitions.EvidenceRegistry, address, eth, sender));

    /// <summary>The same registry, sending transactions from <paramref name="sender"/>'s key.</summary>
    public EvidenceRegistryClient As(TransactionSender sender) => new(Contract.As(sender));

    // ------------------------------------------------------------------ anchoring

    /// <summary>The anchorBatch call (operator only) as a function DTO: <paramref name="uri"/> only goes to the BatchAnchored event.</summary>
    public static Dto.AnchorBatchFunction AnchorBatch(byte[] root, uint count, string uri = "") => new() { Root = root, Count = count, Uri = uri };

    /// <summary>anchorBatch (operator only): records the root and waits for the receipt.</summary>
    public Task<ContractReceipt> AnchorBatchAsync(byte[] root, uint count, string uri = "", CancellationToken ct = default) =>
        Contract.SendAsync(AnchorBatch(root, count, uri), ct: ct);

    /// <summary>
    /// anchorBatch signed by this client's sender but not broadcast, for a caller that persists it first (see
    /// <see cref="TransactionSender.SignAsync"/> for <paramref name="nonce"/> and <paramref name="atLeast"/>).
    /// </summary>
    /// <returns>The signed transaction, or null when the registry already holds <paramref name="root"/> (RootAlreadyAnchored at estimation).</returns>
    /// <exception cref="ContractCallException">the call reverts for another reason.</exception>
    public async Task<SignedTransaction?> SignAnchorBatchAsync(byte[] root, uint count, string uri, ulong? nonce = null, FeeSuggestion? atLeast = null, CancellationToken ct = default)
    {
        var sender = Contract.Sender ?? throw new InvalidOperationException($"{Contract.Name} client is read-only: it has no transaction sender");
        try
        {
            return await sender.SignAsync(new TransactionRequest(Address, ContractClient.Encode(AnchorBatch(root, count, uri))), nonce, atLeast, ct).ConfigureAwait(false);
        }
        catch (RpcException ex) when (Contract.DecodeRevert(ex) is { } decoded)
        {
            if (decoded.Is<Dto.RootAlreadyAnchoredError>()) return null;
            throw new ContractCallException(Contract.Name, ContractClient.FunctionName<Dto.AnchorBatchFunction>(), decoded);
        }
    }

    /// <summary>rootInfo: what was recorded for <paramref name="root"/> (IsAnchored false when never anchored).</summary>
    public async Task<AnchoredRoot> RootInfoAsync(byte[] root, CancellationToken ct = default)
    {
        var info = (await Contract.QueryAsync<Dto.RootInfoFunction, Dto.RootInfoOutput>(new() { Root = root }, ct: ct).ConfigureAwait(false)).Info;
        return new AnchoredRoot(EthereumAddress.Parse(info.Operator), info.AnchoredAt, info.BlockNumber, info.Count);
    }

    // ------------------------------------------------------------------ actions on claims (sender = actor)

    /// <summary>revoke (the issuer side): verify() then reports REVOKED. Emits ClaimRevoked.</summary>
    public Task<ContractReceipt> RevokeAsync(EvidenceClaimData claim, byte[] root, IReadOnlyList<byte[]> proof, ushort reason, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.RevokeFunction { Claim = ToTuple(claim), Root = root, Proof = [.. proof], Reason = reason }, ct: ct);

    /// <summary>supersede (the issuer side) by <paramref name="newClaimDigest"/>. Emits ClaimSuperseded.</summary>
    public Task<ContractReceipt> SupersedeAsync(EvidenceClaimData claim, byte[] root, IReadOnlyList<byte[]> proof, byte[] newClaimDigest, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.SupersedeFunction { Claim = ToTuple(claim), Root = root, Proof = [.. proof], NewClaimDigest = newClaimDigest }, ct: ct);

    /// <summary>endorse (a verifier), once per verifier participant. Emits ClaimEndorsed.</summary>
    public Task<ContractReceipt> EndorseAsync(EvidenceClaimData claim, byte[] root, IReadOnlyList<byte[]> proof, ushort code, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.EndorseFunction { Claim = ToTuple(claim), Root = root, Proof = [.. proof], Code = code }, ct: ct);

    /// <summary>flag (a regulator): informational, verify() ignores it. Emits ClaimFlagged.</summary>
    public Task<ContractReceipt> FlagAsync(EvidenceClaimData claim, byte[] root, IReadOnlyList<byte[]> proof, ushort reason, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.FlagFunction { Claim = ToTuple(claim), Root = root, Proof = [.. proof], Reason = reason }, ct: ct);

    /// <summary>unflag: closes the sender's regulator participant's open flag. Emits ClaimUnflagged.</summary>
    public Task<ContractReceipt> UnflagAsync(byte[] claimDigest, ushort reason, CancellationToken ct = default) =>
        Contract.SendAsync(new Dto.UnflagFunction { Digest = claimDigest, Reason = reason }, ct: ct);

    // ------------------------------------------------------------------ views

    /// <summary>verify: VALID or the first failing check, in one eth_call.</summary>
    public async Task<VerificationCode> VerifyAsync(EvidenceClaimData claim, byte[] signature, byte[] root, IReadOnlyList<byte[]> proof, CancellationToken ct = default) =>
        (VerificationCode)(await Contract.QueryAsync<Dto.VerifyFunction, Dto.VerifyOutput>(Verify(claim, signature, root, proof), ct: ct).ConfigureAwait(false)).Status;

    /// <summary>eth_estimateGas of a verify() call: what a contract calling verify() pays for it.</summary>
    public Task<ulong> EstimateVerifyGasAsync(EvidenceClaimData claim, byte[] signature, byte[] root, IReadOnlyList<byte[]> proof, CancellationToken ct = default) =>
        Contract.EstimateGasAsync(Verify(claim, signature, root, proof), ct);

    /// <summary>claimDigest: the claim's EIP-712 digest as the contract computes it.</summary>
    public async Task<byte[]> ClaimDigestAsync(EvidenceClaimData claim, CancellationToken ct = default) =>
        (await Contract.QueryAsync<Dto.ClaimDigestFunction, Dto.ClaimDigestOutput>(new() { Claim = ToTuple(claim) }, ct: ct).ConfigureAwait(false)).ReturnValue1;

    /// <summary>leafOf: the Merkle leaf of a claim digest.</summary>
    public async Task<byte[]> LeafOfAsync(byte[] claimDigest, CancellationToken ct = default) =>
        (await Contract.QueryAsync<Dto.LeafOfFunction, Dto.LeafOfOutput>(new() { Digest = claimDigest }, ct: ct).ConfigureAwait(false)).ReturnValue1;

    /// <summary>claimState: revocation, supersession, endorsement count and open flags of a claim.</summary>
    public async Task<ClaimState> ClaimStateAsync(byte[] claimDigest, CancellationToken ct = default)
    {
        var s = (await Contract.QueryAsync<Dto.ClaimStateFunction, Dto.ClaimStateOutput>(new() { Digest = claimDigest }, ct: ct).ConfigureAwait(false)).State;
        return new ClaimState(s.RevokedAt, s.RevocationReason, EthereumAddress.Parse(s.RevokedBy), s.Endorsements, s.SupersededBy, s.SupersededAt,
            EthereumAddress.Parse(s.SupersededByActor), s.OpenFlags);
    }

    /// <summary>endorsementOf: a verifier participant's endorsement of a claim.</summary>
    public async Task<ClaimMark> EndorsementOfAsync(byte[] claimDigest, byte[] verifierId, CancellationToken ct = default)
    {
        var m = await Contract.QueryAsync<Dto.EndorsementOfFunction, Dto.EndorsementOfOutput>(new() { Digest = claimDigest, VerifierId = verifierId }, ct: ct).ConfigureAwait(false);
        return new ClaimMark(m.MarkedAt, m.Code, EthereumAddress.Parse(m.By));
    }

    /// <summary>flagOf: a regulator participant's open flag on a claim.</summary>
    public async Task<ClaimMark> FlagOfAsync(byte[] claimDigest, byte[] regulatorId, CancellationToken ct = default)
    {
        var m = await Contract.QueryAsync<Dto.FlagOfFunction, Dto.FlagOfOutput>(new() { Digest = claimDigest, RegulatorId = regulatorId }, ct: ct).ConfigureAwait(false);
        return new ClaimMark(m.MarkedAt, m.Reason, EthereumAddress.Parse(m.By));
    }

    /// <summary>nonces: the next relayed-message nonce of <paramref name="signer"/> (one counter for all message types).</summary>
    public async Task<BigInteger> NonceOfAsync(EthereumAddress signer, CancellationToken ct = default) =>
        (await Contract.QueryAsync<Dto.NoncesFunction, Dto.NoncesOutput>(new() { Owner = signer.ToString() }, ct: ct).ConfigureAwait(false)).ReturnValue1;

    /// <summary>domainSeparator: the EIP-712 separator of claims and relayed messages.</summary>
    public async Task<byte[]> DomainSeparatorAsync(CancellationToken ct = default) =>
        (await Contract.QueryAsync<Dto.DomainSeparatorFunction, Dto.DomainSeparatorOutput>(new(), ct: ct).ConfigureAwait(false)).ReturnValue1;

    /// <summary>allowedIssuerRoles: the roles that may issue a claim of <paramref name="kind"/> (None for undefined kinds).</summary>
    public async Task<ParticipantRoles> AllowedIssuerRolesAsync(byte kind, CancellationToken ct = default) =>
        (ParticipantRoles)(await Contract.QueryAsync<Dto.AllowedIssuerRolesFunction, Dto.AllowedIssuerRolesOutput>(new() { Kind = kind }, ct: ct).ConfigureAwait(false)).ReturnValue1;

    /// <summary>version: the deployed contract's version string.</summary>
    public async Task<string> VersionAsync(CancellationToken ct = default) =>
        (await Contract.QueryAsync<Dto.VersionFunction, Dto.VersionOutput>(new(), ct: ct).ConfigureAwait(false)).ReturnValue1;

    private static Dto.VerifyFunction Verify(EvidenceClaimData claim, byte[] signature, byte[] root, IReadOnlyList<byte[]> proof) =>
        new() { Claim = ToTuple(claim), Signature = signature, Root = root, Proof = [.. proof] };

    /// <summary>The claim as the ABI tuple (contentHash, kind, subject, issuer, issuedAt, nonce).</summary>
    private static Dto.EvidenceClaim ToTuple(EvidenceClaimData claim) => new()
    {
        ContentHash = claim.ContentHash, Kind = claim.Kind, Subject = claim.Subject, Issuer = claim.Issuer.ToString(), IssuedAt = claim.IssuedAt, Nonce = claim.Nonce,
    };
}
