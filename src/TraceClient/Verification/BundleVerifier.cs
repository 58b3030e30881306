using System.Numerics;
using Trace.Chain.Contracts;
using Trace.Chain.Contracts.Registries;
using Trace.Chain.Rpc;
using Trace.Crypto;
using Trace.Crypto.Eip712;
using Trace.Crypto.Merkle;
using Trace.Domain;

namespace Trace.Client.Verification;

/// <summary>
/// Verifies a proof bundle the way docs/proof-bundle.md tells an outsider to, with nothing but a JSON-RPC endpoint:
/// recompute every hash from the bundle, then ask the chain (root, anchoring transaction and block, and the
/// registry's own verify view for issuer standing at anchoring time and revocation). Nothing of Trace is trusted:
/// the node uses it for its own Verify, and <c>trace verify</c> runs it on a buyer's machine.
/// </summary>
public sealed class BundleVerifier(EthRpc eth)
{
    /// <summary>Verifies <paramref name="bundle"/>; <paramref name="contentHash"/> (optional) is the SHA-256 of content to check against the claim.</summary>
    /// <exception cref="ChainMismatchException">the endpoint is for another chain than the bundle's <c>anchor.chainId</c>.</exception>
    public async Task<VerificationOutcome> VerifyAsync(ProofBundle bundle, byte[]? contentHash, string contentSource, CancellationToken ct)
    {
        var checks = new List<VerificationCheck>();
        VerificationOutcome Fail(VerificationStatus status, ulong block = 0) =>
            new(status, bundle.RecordId, checks, null, block, null);

        // 1. Content.
        if (!CheckContent(checks, bundle.Claim.ContentHash, contentHash, contentSource)) return Fail(VerificationStatus.Tampered);

        // 2.–3. Subject, digest and domain.
        var subjectMatches = Keccak256.HashUtf8(bundle.SubjectId).AsSpan().SequenceEqual(bundle.Claim.Subject);
        if (!Check(checks, "subject", subjectMatches, $"keccak256(subjectId) {(subjectMatches ? "=" : "≠")} claim.subject"))
            return Fail(VerificationStatus.BadProof);
        var digest = EvidenceClaimHasher.Digest(EvidenceClaimHasher.Domain(new BigInteger(bundle.DomainChainId), bundle.DomainVerifyingContract), bundle.Claim);
        if (!Check(checks, "record_id", Hex.Encode(digest) == bundle.RecordId, $"EIP-712 digest {Hex.Encode(digest)} vs recordId {bundle.RecordId}"))
            return Fail(VerificationStatus.BadProof);
        if (!Check(checks, "domain", bundle.DomainChainId == bundle.AnchorChainId && bundle.DomainVerifyingContract == bundle.Registry,
                $"signed for chain {bundle.DomainChainId} / {bundle.DomainVerifyingContract}, anchored on chain {bundle.AnchorChainId} / {bundle.Registry}"))
            return Fail(VerificationStatus.BadProof);

        // 4. Signature.
        var (signatureOk, signatureDetail) = CheckSignature(digest, bundle.Signature, bundle.Claim.Issuer);
        if (!Check(checks, "signature", signatureOk, signatureDetail)) return Fail(VerificationStatus.BadSignature);

        // 5.–6. Leaf and proof.
        var leaf = MerkleTree.LeafHashOfDigest(digest);
        if (!Check(checks, "merkle_leaf", leaf.AsSpan().SequenceEqual(bundle.Leaf), $"keccak256(keccak256(recordId)) = {Hex.Encode(leaf)}"))
            return Fail(VerificationStatus.BadProof);
        if (!Check(checks, "merkle_proof", MerkleProof.Verify(bundle.Root, leaf, bundle.Proof), $"{bundle.Proof.Count} sibling hashes to root {Hex.Encode(bundle.Root)}"))
            return Fail(VerificationStatus.BadProof);

        // 7. Right chain. Otherwise there is no verdict to give: the bundle may be valid on its own chain.
        var chainId = await eth.ChainIdAsync(ct).ConfigureAwait(false);
        if (chainId != bundle.AnchorChainId) throw new ChainMismatchException(bundle.AnchorChainId, chainId);
        var head = await eth.BlockNumberAsync(ct).ConfigureAwait(false);
        Check(checks, "chain_id", true, $"the node answers chain {chainId}, as the bundle names");

        // 8. Root on chain, in the named block.
        var code = await eth.GetCodeAsync(bundle.Registry, ct: ct).ConfigureAwait(false);
        if (!Check(checks, "registry", code.Length > 0, $"contract code at {bundle.Registry}"))
            return Fail(VerificationStatus.UnknownRoot, head);
        var registry = EvidenceRegistryClient.Connect(bundle.Registry, eth);
        var rootInfo = await registry.RootInfoAsync(bundle.Root, ct).ConfigureAwait(false);
        if (!Check(checks, "root_on_chain", rootInfo.IsAnchored && rootInfo.BlockNumber == bundle.BlockNumber,
                !rootInfo.IsAnchored ? "the registry has no such root" : $"the registry recorded the root in block {rootInfo.BlockNumber}; the bundle says {bundle.BlockNumber}"))
            return Fail(VerificationStatus.UnknownRoot, head);

        // 9. Anchoring transaction and block. Any mismatch is UNKNOWN_ROOT, also a block reorganised away: the bundle's
        // anchor is not on this chain, and waiting (PENDING) would not help, since the batch is anchored again
        // elsewhere and only a fresh bundle names it.
        var receipt = await eth.GetTransactionReceiptAsync(bundle.TxHash, ct).ConfigureAwait(false);
        var anchoredEvent = ContractDefinition.Topic0<Trace.Chain.Contracts.Dtos.Evidence.BatchAnchoredEvent>();
        var txOk = receipt is { Succeeded: true } && receipt.To == bundle.Registry && receipt.BlockNumber == bundle.BlockNumber
            && receipt.BlockHash.AsSpan().SequenceEqual(bundle.BlockHash)
            && receipt.Logs.Any(l => l.Address == bundle.Registry && l.Topics.Count > 1 && l.Topics[0].AsSpan().SequenceEqual(anchoredEvent) && l.Topics[1].AsSpan().SequenceEqual(bundle.Root));
        if (!Check(checks, "anchor_transaction", txOk, receipt is null ? $"no transaction {Hex.Encode(bundle.TxHash)}"
                : $"transaction {Hex.Encode(bundle.TxHash)} in block {receipt.BlockNumber} {Hex.Encode(receipt.BlockHash)}, BatchAnchored for this root: {txOk}"))
            return Fail(VerificationStatus.UnknownRoot, head);
        var block = await eth.GetBlockAsync(BlockTag.Number(bundle.BlockNumber), ct).ConfigureAwait(false);
        if (!Check(checks, "anchor_block", block is not null && block.Hash.AsSpan().SequenceEqual(bundle.BlockHash),
                $"block {bundle.BlockNumber} is canonical with hash {Hex.Encode(bundle.BlockHash)}; {head + 1 - bundle.BlockNumber} confirmations"))
            return Fail(VerificationStatus.UnknownRoot, head);

        // 10.–11. Issuer standing at anchoring time, revocation and supersession: the registry's own verdict.
        var status = (await registry.VerifyAsync(bundle.Claim, bundle.Signature, bundle.Root, bundle.Proof, ct).ConfigureAwait(false)).ToVerificationStatus();
        var state = await registry.ClaimStateAsync(digest, ct).ConfigureAwait(false);
        Check(checks, "registry_verify", status == VerificationStatus.Verified,
            $"EvidenceRegistry.verify = {status} (issuer standing when anchored, revocation, supersession)");

        // 12. Regulator flags and endorsements: verify() ignores flags, so they are read here; a flag keeps the record from VERIFIED.
        var (flags, endorsements) = await new ClaimMarksReader(eth, registry)
            .ReadAsync(digest, bundle.BlockNumber, head, state.OpenFlags > 0, state.Endorsements > 0, ct).ConfigureAwait(false);
        Check(checks, "regulator_flags", state.OpenFlags == 0, state.OpenFlags == 0
            ? $"no open regulator flag; {state.Endorsements} endorsement(s)"
            : $"{state.OpenFlags} open regulator flag(s): {string.Join("; ", flags.Select(f => $"{f.RegulatorParticipantId} reason {f.Reason} since {f.FlaggedAt:u}"))}");
        if (status == VerificationStatus.Verified && state.OpenFlags > 0) status = VerificationStatus.Flagged;
        return new VerificationOutcome(status, bundle.RecordId, checks, null, head, ToWithdrawal(state), flags, endorsements);
    }

    private static ChainWithdrawal? ToWithdrawal(ClaimState state) => state.IsRevoked || state.IsSuperseded
        ? new ChainWithdrawal(DateTimeOffset.FromUnixTimeSeconds((long)(state.IsRevoked ? state.RevokedAt : state.SupersededAt)),
            state.IsSuperseded ? Hex.Encode(state.SupersededBy) : null)
        : null;

    /// <summary>Adds the content check to <paramref name="checks"/>: passes when no content is supplied or its SHA-256 is the claimed hash.</summary>
    public static bool CheckContent(List<VerificationCheck> checks, byte[] claimed, byte[]? actual, string source)
    {
        if (actual is null)
        {
            checks.Add(new VerificationCheck("content_hash", true, "not checked: no content supplied"));
            return true;
        }
        return Check(checks, "content_hash", actual.AsSpan().SequenceEqual(claimed),
            $"SHA-256 of the {source} {Hex.Encode(actual)} vs claim.contentHash {Hex.Encode(claimed)}");
    }

    private static (bool Ok, string Detail) CheckSignature(byte[] digest, byte[] signature, EthereumAddress issuer)
    {
        try
        {
            var signer = Secp256k1.RecoverAddress(digest, EcdsaSignature.FromBytes65(signature));
            return (signer == issuer, $"recovers {signer}; claim.issuer is {issuer}");
        }
        catch (Exception ex) when (ex is InvalidSignatureException or ArgumentException)
        {
            return (false, $"not a valid signature: {ex.Message}");
        }
    }

    private static bool Check(List<VerificationCheck> checks, string name, bool passed, string detail)
    {
        checks.Add(new VerificationCheck(name, passed, detail));
        return passed;
    }
}
